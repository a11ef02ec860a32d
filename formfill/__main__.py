from formfill.cli import main

main()
