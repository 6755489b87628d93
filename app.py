"""Entry point: ``python app.py`` runs the dashboard; ``gunicorn app:server`` serves it in production."""
from dashboard.config.settings import Settings
from dashboard.web.app_factory import create_app

settings = Settings.from_env()
app = create_app(settings)
server = app.server

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=settings.port, debug=False)
