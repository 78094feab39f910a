/** The `--help` text. The README's Usage section holds it verbatim (a test keeps them equal). */
export const helpText = `
  A terminal news reader: clean articles, a fast pager, pipe-friendly commands

  Usage
    $ inkwire                          open the reader (lists the articles when piped)
    $ inkwire list [--unread] [--json]
    $ inkwire show <id | id-prefix | path | -> [--format ansi|plain|markdown|json] [--width N]
    $ inkwire search <query> [--json] [--limit N]
    $ inkwire read <id>...
    $ inkwire unread <id>...

  Options
    --data DIR        the article store (default: $INKWIRE_DATA, else the bundled data/)
    --unread          list only unread articles
    --json            list as JSON: every field but the body
    --format FORMAT   show as ansi, plain, markdown or json (default: ansi on a terminal, plain in a pipe)
    --width N         wrap to N columns (default: the terminal's width, else 80; at most 100)
    --limit N         search: show at most N results (default: 20)
    --verbose         say why each skipped file was skipped
    --help            show this help
    --version         show the version

  Search queries: words (all must match), "a phrase", prefix*, -excluded, and
  title:, source:, author:, tag: before a word or phrase (-- before a query
  that starts with -). Accents and case do not matter. search exits with 1
  when nothing matches, as grep does.

  Read state lives in $XDG_CONFIG_HOME/inkwire/config.json (default ~/.config/inkwire/config.json).

  Examples
    $ inkwire show asharq | less -R
    $ inkwire list --unread --json | jq -r '.[].title'
    $ inkwire list | grep -i syria | cut -f1 | xargs inkwire read
    $ inkwire search 'source:reuters "central bank" -bitcoin' --limit 5
`;
