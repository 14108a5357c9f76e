/* test-json-parse.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-data-resources.h"
#include "nichiro-dataset.h"
#include "nichiro-error.h"
#include "nichiro-json-check.h"
#include "nichiro-json-parse.h"
#include "nichiro-test-utils.h"

/* The loader's own JSON parser against json-glib's: on every document that
 * is strict JSON they build equal trees, and what is not strict JSON the
 * parser refuses, saying where. */

/* json-glib with the strict prescan the loader used before: the reference. */
static JsonNode *
reference_parse (const char *text,
                 gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!nichiro_json_prescan (text, length, "reference", NULL) ||
      !json_parser_load_from_data (parser, text, length, NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_agrees (const char *name,
               const char *text,
               gsize       length)
{
  g_autoptr(JsonNode) expected = reference_parse (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = nichiro_json_parse (text, length, name, &error);

  g_test_message ("%s", name);
  if (expected == NULL)
    {
      /* json-glib 1.6 reads a few things JSON has not (such as 1.e5), and
       * refuses none that it has: ours may only be stricter. */
      g_assert_null (parsed);
      g_assert_nonnull (error);
      g_assert_true (error->domain == NICHIRO_ERROR);
      g_assert_true (g_str_has_prefix (error->message, name));
      return;
    }

  if (parsed == NULL)
    g_error ("%s: refused what json-glib reads: %s", name, error->message);
  g_assert_true (json_node_equal (parsed, expected));
}

static void
test_bundled (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NICHIRO_DATASET_DEFAULT_RESOURCE, 0, NULL);
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  assert_agrees ("japan-russia.json", text, length);
}

/* Every seed of the loader's fuzzer, broken ones included. */
static void
test_fuzz_corpus (void)
{
  g_autofree char *dir_path = nichiro_test_data_path ("../fuzz/corpus/dataset");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      assert_agrees (name, text, length);
      n++;
    }
  g_assert_cmpuint (n, >, 10);
}

static const struct
{
  const char *text;
} valid_cases[] = {
  { "{}" }, { "[]" }, { "  {\"a\" : [1, -2, 3.5, -0.25e3, 1E2, 0, 9223372036854775807]}  " },
  { "{\"s\": \"tab\\there \\\"quoted\\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00 \\u65e5\"}" },
  { "[true, false, null, {\"nested\": [[], {}]}]" },
  { "{\"a\": 1, \"a\": 2}" },
  { "\"just a string\"" }, { "42" },
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    assert_agrees (valid_cases[i].text, valid_cases[i].text, strlen (valid_cases[i].text));
}

/* An integer too large for 64 bits keeps its size as a double, where
 * json-glib 1.6 makes it -1. */
static void
test_big_integer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = nichiro_json_parse ("[123456789012345678901234567890]", 32, "t", &error);
  JsonNode *big;

  g_assert_no_error (error);
  big = json_array_get_element (json_node_get_array (node), 0);
  g_assert_true (json_node_get_value_type (big) == G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (big), 1.2345678901234568e29, 1e15);
}

static const struct
{
  const char *text;
  const char *where;       /* NAME:LINE:COLUMN: */
  const char *says;
} invalid_cases[] = {
  { "", "t:1:1: ", "empty" },
  { "{\"a\": 1,}", "t:1:9: ", "remove the comma" },
  { "[1, 2,]", "t:1:7: ", "remove the comma" },
  { "{\"a\" 1}", "t:1:6: ", "“:”" },
  { "{\"a\": 1 \"b\": 2}", "t:1:9: ", "“,” or “}”" },
  { "[1 2]", "t:1:4: ", "“,” or “]”" },
  { "{\n  \"a\": [\n", "t:2:8: ", "never ends" },
  { "{\"a\": \"no end}", "t:1:7: ", "never ends" },
  { "{a: 1}", "t:1:2: ", "double quotes" },
  { "{\"a\": 'x'}", "t:1:7: ", "double quotes" },
  { "{\"a\": 01}", "t:1:7: ", "octal" },
  { "{\"a\": 1.}", "t:1:7: ", "digits after" },
  { "{\"a\": 1e}", "t:1:7: ", "digits after" },
  { "{\"a\": .5}", "t:1:7: ", "expected a value" },
  { "{\"a\": +1}", "t:1:7: ", "expected a value" },
  { "{\"a\": tru}", "t:1:7: ", "expected a value" },
  { "{\"a\": nullx}", "t:1:7: ", "expected a value" },
  { "{\"a\": \"\\x\"}", "t:1:8: ", "escape" },
  { "{\"a\": \"\\ud800\"}", "t:1:8: ", "surrogates" },
  { "{\"a\": \"\\udc00\"}", "t:1:8: ", "surrogates" },
  { "{\"a\": \"\\u0000\"}", "t:1:8: ", "U+0000" },
  { "{\"a\": \"line\nbreak\"}", "t:1:12: ", "control character" },
  { "{} {}", "t:1:4: ", "after the end" },
  { "{} // note", "t:1:4: ", "comments" },
  { "{\"a\": /* x */ 1}", "t:1:7: ", "comments" },
  { "{\"a\": \"\xff\"}", "t:1:8: ", "UTF-8" },
};

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = nichiro_json_parse (invalid_cases[i].text, strlen (invalid_cases[i].text), "t", &error);

      g_test_message ("%s", invalid_cases[i].text);
      g_assert_null (node);
      g_assert_nonnull (error);
      g_assert_true (error->domain == NICHIRO_ERROR);
      if (!g_str_has_prefix (error->message, invalid_cases[i].where) ||
          strstr (error->message, invalid_cases[i].says) == NULL)
        g_error ("“%s”: expected %s… %s, got %s", invalid_cases[i].text,
                 invalid_cases[i].where, invalid_cases[i].says, error->message);
    }
}

/* The UTF-8 check takes eight ASCII bytes at a time: wherever the other
 * bytes fall against those eight, it says what g_utf8_validate_len() says,
 * at the same offset. */
static void
test_utf8 (void)
{
  static const struct
  {
    const char *bytes;
    gsize length;
  } middles[] = {
    { "\xc3\xa9", 2 },
    { "\xe6\x9d\xa1", 3 },
    { "\xf0\x9f\x93\x9c", 4 },
    { "\xd0\x9f\xd1\x80\xd0\xb0", 6 },
    { "\xff", 1 },
    { "\xc3", 1 },
    { "\xe6\x9d", 2 },
    { "\xc0\x80", 2 },
    { "\xed\xa0\x80", 3 },
    { "\x80", 1 },
    { "\0", 1 },
    { "a\0b", 3 },
    { "\xe6\x9d\xa1\xff", 4 },
    { "\xe6\x9d\xa1x\x9d", 5 },
  };

  for (guint pad = 0; pad < 18; pad++)
    for (guint m = 0; m < G_N_ELEMENTS (middles); m++)
      for (guint tail = 0; tail < 20; tail += 9)
        {
          g_autoptr(GString) text = g_string_new ("[\"");
          g_autoptr(JsonNode) node = NULL;
          g_autoptr(GError) error = NULL;
          const char *end;

          for (guint i = 0; i < pad; i++)
            g_string_append_c (text, 'x');
          g_string_append_len (text, middles[m].bytes, middles[m].length);
          for (guint i = 0; i < tail; i++)
            g_string_append_c (text, 'y');
          g_string_append (text, "\"]");

          node = nichiro_json_parse (text->str, text->len, "t", &error);
          if (g_utf8_validate_len (text->str, text->len, &end))
            {
              g_assert_no_error (error);
              g_assert_nonnull (node);
            }
          else
            {
              g_autofree char *offset = g_strdup_printf ("at offset %" G_GSIZE_FORMAT ")", (gsize) (end - text->str));

              g_assert_null (node);
              g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_ENCODING);
              if (strstr (error->message, offset) == NULL)
                g_error ("pad %u, case %u, tail %u: expected “%s” in %s", pad, m, tail, offset, error->message);
            }
        }
}

/* Deeper than the limit is refused before the stack could suffer. */
static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  node = nichiro_json_parse (deep->str, deep->len, "t", &error);
  g_assert_null (node);
  g_assert_nonnull (strstr (error->message, "nested more than"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/json-parse/bundled", test_bundled);
  g_test_add_func ("/nichiro/json-parse/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/nichiro/json-parse/valid", test_valid);
  g_test_add_func ("/nichiro/json-parse/big-integer", test_big_integer);
  g_test_add_func ("/nichiro/json-parse/invalid", test_invalid);
  g_test_add_func ("/nichiro/json-parse/depth", test_depth);
  g_test_add_func ("/nichiro/json-parse/utf8", test_utf8);

  return g_test_run ();
}
