"""Declarative layout: the template model, its YAML loader (errors name file and line), bindings, formatters."""

from formfill.layout.loader import load_template, load_template_file
from formfill.layout.model import Template
from formfill.layout.units import Measure, mm, to_points
from formfill.layout.yaml_source import TemplateError

__all__ = ["Measure", "Template", "TemplateError", "load_template", "load_template_file", "mm", "to_points"]
