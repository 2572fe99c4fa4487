# x,,,,... : 10,000 fields
{ printf x; head -c 9999 /dev/zero | tr '\0' ,; printf '\n'; } >>themes.csv
