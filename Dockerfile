FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# The whole tree (minus .dockerignore) before installing, so every app listed in
# pyproject.toml is installed, also ones added later.
COPY . .
RUN pip install --no-cache-dir .
RUN python scripts/fetch_static.py && DEBUG=false SECRET_KEY=build-only-secret-key-not-used-at-runtime-000000000 \
    python manage.py collectstatic --no-input
RUN useradd --create-home app
USER app
EXPOSE 8000
# The same start as tests/test_production_start.py: gunicorn with gunicorn.conf.py.
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
