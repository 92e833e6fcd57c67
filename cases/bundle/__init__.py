"""The import/export bundle of ../shared/specs/import-bundle.md: a folder (or .zip) of
CSV files that moves whole registrations in and out of the system."""
