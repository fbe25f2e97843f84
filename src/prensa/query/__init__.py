"""Reading a processed batch: queries over prensa.sqlite, SQL over Parquet, Datasette,
annotated releases and a report with charts."""
