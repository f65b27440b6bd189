"""Real-shaped Word documents (issue 11): decisions, rules, forms, student reports, staff lists and outline
reports with the layouts that broke the parser on real files, written with their truth by make.py."""
