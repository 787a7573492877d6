"""Language data of the answer engine: domain vocabulary and example phrasings of question shapes."""
