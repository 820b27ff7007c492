"""Model files: parsing, validation, the JSON Schema, conversion and saving."""

from govmodel.io.files import dumps, load, loads, read_excel, save, write_atomic, write_workbook
from govmodel.io.schema import model_schema
from govmodel.locations import Problem

__all__ = [
    "Problem",
    "dumps",
    "load",
    "loads",
    "model_schema",
    "read_excel",
    "save",
    "write_atomic",
    "write_workbook",
]
