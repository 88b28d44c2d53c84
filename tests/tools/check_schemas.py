#!/usr/bin/python3
"""Checks every definition file against its JSON Schema with an independent validator.

Reads the files as yaml-language-server does (YAML 1.2 core schema: dates stay strings) and
validates with python3-jsonschema (Draft 7). Prints one JSON line per file with its problems,
and exits 1 when any file is rejected. Used by tests/Workflows.Server.Tests/SchemaTests.cs.
Usage: check_schemas.py DEFINITIONS_DIR SCHEMAS_DIR
"""
import glob
import json
import os
import sys

import jsonschema
import yaml

ROOT_FILES = {"office.yaml": "office", "departments.yaml": "departments", "windows.yaml": "windows", "roles.yaml": "roles"}


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def kind_of(relative):
    parts = relative.split("/")
    if relative in ROOT_FILES:
        return ROOT_FILES[relative]
    if parts[0] == "calendars" and len(parts) == 2:
        return "calendar"
    if parts[0] == "items" and len(parts) == 3 and parts[2] in ("guide.yaml", "materials.yaml", "form.yaml", "workflow.yaml"):
        return parts[2][:-5]
    return None


def main(definitions, schemas):
    rejected = 0
    for path in sorted(glob.glob(os.path.join(definitions, "**", "*.yaml"), recursive=True)):
        relative = os.path.relpath(path, definitions).replace(os.sep, "/")
        kind = kind_of(relative)
        if kind is None:
            continue
        with open(os.path.join(schemas, kind + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=Yaml12Loader)
        validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
        problems = [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        rejected += 1 if problems else 0
        print(json.dumps({"file": relative, "problems": problems}, ensure_ascii=False))
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
