"""Model files: parsing, validation, the JSON Schema, conversion and saving."""

from govmodel.io.files import dumps, load, loads, save, write_atomic
from govmodel.io.schema import model_schema
from govmodel.locations import Problem

__all__ = ["Problem", "dumps", "load", "loads", "model_schema", "save", "write_atomic"]
