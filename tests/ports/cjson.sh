# cJSON 1.7.15: its Makefile, as it is (its flags: -fstack-protector-strong,
# -Werror and a dozen warnings), builds the library and cJSON_test (test.c:
# builds, prints and reprints JSON documents, numbers included); its unit
# tests (tests/, on the Unity framework it ships) are a plain compile each,
# all but parse_examples, which reads its inputs from files.
CJSON_UNITY="parse_number parse_hex4 parse_string parse_array parse_object parse_value
print_string print_number print_array print_object print_value misc_tests
parse_with_opts compare_tests cjson_add readme_examples minify_tests"

port_build() {
	make CC="$1" static cJSON_test >make.log 2>&1 &&
		cp cJSON_test cJSON_test.atxf || return 1
	for t in $CJSON_UNITY; do
		"$1" -O2 -fstack-protector-strong -I. -Itests/unity/src tests/$t.c tests/unity/src/unity.c -lm \
			-o $t.atxf >>make.log 2>&1 || return 1
	done
}
PORT_TESTS="cJSON_test
$(printf '%s\n' $CJSON_UNITY)"
