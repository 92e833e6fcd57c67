FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY buurtteam buurtteam
COPY cases cases
COPY zrm zrm
COPY maatwerk maatwerk
COPY reporting reporting
RUN pip install --no-cache-dir .
COPY . .
RUN python scripts/fetch_static.py && DEBUG=false SECRET_KEY=build-only-secret-key-not-used-at-runtime-000000000 \
    python manage.py collectstatic --no-input
RUN useradd --create-home app
USER app
EXPOSE 8000
