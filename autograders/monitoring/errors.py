"""Errors raised by the monitoring module, with messages in Indonesian for the trainee."""


class MonitoringInputError(ValueError):
    """Input that cannot be analysed (unreadable file, missing column, unparseable value).

    ``str(error)`` is a one-line message in Indonesian, fit to show to a trainee as is.
    """
