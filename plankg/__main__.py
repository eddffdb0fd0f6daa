from plankg.cli import main

main(prog_name="plankg")
