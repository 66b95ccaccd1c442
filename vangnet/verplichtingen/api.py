"""This app's API endpoints and their OpenAPI paths."""


def openapi_paths() -> dict:
    return {}
