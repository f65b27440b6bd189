"""Prefect orchestration and the `tonghop` command line; the only package that imports prefect."""
