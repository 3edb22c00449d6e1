"""Reading files into the tidy series: bytes to table, table to series, frequency, quality."""
