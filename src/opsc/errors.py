"""Exceptions the CLI reports in one line, without a traceback."""


class OpscError(Exception):
    """Base of the errors opsc reports to the user."""


class UsageError(OpscError):
    """A command was called with paths or options that cannot work."""


class ConfigError(OpscError):
    """``opsc.yml`` is unreadable or holds a bad value."""
