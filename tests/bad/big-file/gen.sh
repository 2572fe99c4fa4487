# 60,000 staff rows of about 100 bytes after the fixture's; four are bad:
# an unknown post (line 5), a bad date (line 30,004), a bad flag (line
# 45,004) and an unknown post again (the last line, 60,004).
awk 'BEGIN {
	for (i = 1; i <= 60000; i++) {
		post = "pretoria"; date = "2013-04-23"; flag = "0"
		if (i == 1 || i == 60000) post = "nowhere-" i
		if (i == 30000) date = "2013-02-30"
		if (i == 45000) flag = "yes"
		printf "%s,driver,Name %d,,police,%s,%s,s-namibia,padding to make the file big enough for the threaded reader\n", post, i, flag, date
	}
}' >>staff.csv
