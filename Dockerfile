FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 1000 backease

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# collectstatic only needs a key and a mail URL to import settings; the real ones come from
# the environment.
RUN SECRET_KEY=build-only-not-secret EMAIL_URL=smtp://localhost:25 \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var && chown -R backease /app/var

USER backease
EXPOSE 8000
CMD ["gunicorn", "backease.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
