# post,kind,theme_en,theme_fr,source,c6,c7,...,c10000
{ printf 'post,kind,theme_en,theme_fr,source'; i=6; while [ $i -le 10000 ]; do printf ',c%d' $i; i=$((i + 1)); done; printf '\n'; } >themes.csv
