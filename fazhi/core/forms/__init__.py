"""Core forms, one module per concern, and the one way a page shows a service's refusal."""


def apply_service_error(form, exc) -> None:
    """Put a ServiceError on the form: each message on its field when the form has that
    field, and the overall message on top unless a field already says exactly that."""
    placed: list[str] = []
    for field, errors in exc.errors.items():
        if field in form.fields:
            for error in errors:
                form.add_error(field, error)
                placed.append(error)
    if exc.message not in placed:
        form.add_error(None, exc.message)
