from pressdesk.cli import cli

cli()
