"""`jobsite import`: another tracker's export → new opportunity files.

The pipeline reads top to bottom: `table` reads a CSV export into rows, each with the line it
starts on; one module per source (`linkedin`, `huntr`, `mapped` for any other tracker) turns
rows into `Record`s, one opportunity each, and every row it cannot use into a `Problem`;
`writer` matches the records against the journal and creates a file for each new one, never
overwriting anything. `markup` makes an HTML job description into safe Markdown.
"""
