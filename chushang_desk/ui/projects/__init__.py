"""The projects screens (招商项目): the pipeline board, the list, the project's page and its dialogs."""
