from tiaki.cli.main import main

main()
