# Front-end packages (Chart.js, NL Design System) by name through npm, hash-checked.
FROM python:3.11-slim AS assets
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY scripts/fetch_static.py scripts/
RUN python scripts/fetch_static.py

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# The whole tree (minus .dockerignore) before installing, so every app listed in
# pyproject.toml is installed, also ones added later.
COPY . .
RUN pip install --no-cache-dir .
COPY --from=assets /app/static/vendor static/vendor
RUN DEBUG=false SECRET_KEY=build-only-secret-key-not-used-at-runtime-000000000 \
    python manage.py collectstatic --no-input
RUN useradd --create-home app
USER app
EXPOSE 8000
# The same start as tests/test_production_start.py: gunicorn with gunicorn.conf.py.
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
