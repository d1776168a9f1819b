"""Errors named by their cause, so batch loops know which ones to skip and which to stop on."""


class GovnewsError(Exception):
    """Base class of every error govnews raises on purpose."""


class InputError(GovnewsError):
    """One input is bad (not UTF-8, empty, malformed JSON, no article in the HTML).

    Batch commands report it in one line naming the input, skip that input and go on.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class ConfigError(GovnewsError):
    """The configuration is unusable (bad URL, unreadable config file, unknown model version)."""


class ServiceError(GovnewsError):
    """A service the run depends on (database, search index) failed; stop without losing data."""
