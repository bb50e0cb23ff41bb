"""marsad (مرصد): Arabic news pages in, structured and checkable intelligence out."""

__version__ = "0.1.0"
