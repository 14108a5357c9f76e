/* test-search.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-query.h"
#include "nichiro-search.h"
#include "nichiro-test-utils.h"
#include "nichiro-text.h"

#include <string.h>

static NichiroDataset *dataset;

typedef struct
{
  const char *query;
  const char *first;   /* NULL: no results */
  guint n_results;
} SearchCase;

static const SearchCase search_cases[] = {
  { "portsmouth", "peace-1905", 2 },
  { "PORTSMOUTH", "peace-1905", 2 },
  { "Treaty of Portsmouth", "peace-1905", 1 },
  { "portsm", "peace-1905", 2 },
  { "ポーツマス", "peace-1905", 1 },
  { "Портсмутский", "peace-1905", 1 },
  { "портсмутскии", "peace-1905", 1 },
  { "Komura Jūtarō", "peace-1905", 1 },
  { "komura jutaro", "peace-1905", 1 },
  { "ＫＯＭＵＲＡ", "peace-1905", 1 },
  { "Комура", "peace-1905", 1 },
  { "karafuto", "peace-1905", 1 },
  { "樺太", "peace-1905", 1 },
  { "sakhalin 50°n", "peace-1905", 1 },
  { "war", "war-1904", 1 },
  { "treaty", "shimoda-1855", 2 },
  { "  shimoda  ", "shimoda-1855", 1 },
  { "shimoda portsmouth", NULL, 0 },
  { "zzzz", NULL, 0 },
  { "", NULL, 0 },
  { "   ", NULL, 0 },
  { "\"<b>", "peace-1905", 1 },
};

static void
test_query (gconstpointer data)
{
  const SearchCase *test = data;
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, test->query);
  GPtrArray *items = results->items;

  g_assert_cmpuint (items->len, ==, test->n_results);
  if (test->first != NULL)
    g_assert_cmpstr (nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (items, 0))->entry),
                     ==, test->first);

  for (guint i = 1; i < items->len; i++)
    g_assert_cmpfloat (((NichiroSearchResult *) g_ptr_array_index (items, i - 1))->score, >=,
                       ((NichiroSearchResult *) g_ptr_array_index (items, i))->score);
}

/* The bundled dataset, as a reader would search it: the entry that must
 * come first, and one that must be among the first three. */
typedef struct
{
  const char *query;
  const char *first;
  const char *also;
} BundledCase;

static const BundledCase bundled_cases[] = {
  /* English, prefixes while typing, typos */
  { "portsmouth", "portsmouth-1905", "portsmouth-conference-1905" },
  { "Treaty of Portsmouth", "portsmouth-1905", NULL },
  { "portsm", "portsmouth-1905", NULL },
  { "portsmuth", "portsmouth-1905", NULL },
  { "neutrality pact", "neutrality-pact-1941", "neutrality-pact-notice-1945" },
  { "neutralty pact", "neutrality-pact-1941", NULL },
  { "joint declaration", "joint-declaration-1956", NULL },
  { "clause 9", "joint-declaration-1956", NULL },
  { "hatoyama", NULL, "joint-declaration-1956" },
  { "siberian intervention", "siberian-intervention-1918", NULL },
  { "lake khasan", "lake-khasan-1938", NULL },
  { "molotov ribbentrop", "molotov-ribbentrop-pact-1939", NULL },
  { "san francisco", "san-francisco-1951", "san-francisco-conference-1951" },
  { "scapin", "scapin-677-1946", NULL },
  { "nikolayevsk", "nikolayevsk-incident-1920", NULL },
  /* Japanese */
  { "ポーツマス", "portsmouth-1905", NULL },
  { "ポーツマス条約", "portsmouth-1905", NULL },
  { "日ソ中立条約", "neutrality-pact-1941", NULL },
  { "日ソ共同宣言", "joint-declaration-1956", NULL },
  { "下田", "shimoda-1855", NULL },
  { "ノモンハン", NULL, "nomonhan-1939" },
  /* Russian */
  { "Портсмутский", "portsmouth-1905", NULL },
  { "Портсмут", "portsmouth-1905", NULL },
  { "Совместная декларация", "joint-declaration-1956", NULL },
  { "Пакт о нейтралитете", "neutrality-pact-1941", NULL },
  { "Халхин-Гол", "nomonhan-1939", NULL },
  /* Names in any romanization, width and case */
  { "Komura Jutaro", NULL, "portsmouth-1905" },
  { "Komura Jūtarō", NULL, "portsmouth-1905" },
  { "ＫＯＭＵＲＡ", NULL, "portsmouth-1905" },
  { "Ōtsu", "otsu-incident-1891", NULL },
  { "otsu", "otsu-incident-1891", NULL },
  { "golownin", "golovnin-incident-1811", NULL },
  /* Aliases */
  { "kurile", NULL, "st-petersburg-1875" },
  { "chishima", "st-petersburg-1875", NULL },
  { "port arthur", "siege-of-port-arthur-1904", NULL },
  { "khalkhin gol", "nomonhan-1939", NULL },
  /* Phrases and exclusions */
  { "\"basic convention\"", "basic-convention-1925", NULL },
  { "\"rules of the relations\"", "basic-convention-1925", NULL },
  { "sakhalin -war", "sakhalin-arrangement-1867", NULL },
  { "in:articles habomai", "joint-declaration-1956", NULL },
  /* OR */
  { "yalta OR potsdam", "yalta-agreement-1945", "potsdam-declaration-1945" },
  { "golovnin OR laxman", "laxman-mission-1792", "golovnin-incident-1811" },
  /* Fields */
  { "kind:treaty year:1850..1880", "shimoda-1855", "supplementary-treaty-1857" },
  { "year:1905 kind:treaty", "portsmouth-1905", NULL },
  { "party:ussr kind:pact", "molotov-ribbentrop-pact-1939", "neutrality-pact-1941" },
  { "signer:matsuoka", "neutrality-pact-1941", NULL },
  { "signer:molotov year:1941", "neutrality-pact-1941", NULL },
  /* By id, as the part page links them. */
  { "signer:matsumoto-shunichi", "joint-declaration-1956", NULL },
  { "place:moscow year:1956", NULL, "joint-declaration-1956" },
  { "thread:kurils year:1945..1956", NULL, "san-francisco-1951" },
  /* Malformed: what can be matched still is */
  { "year:19x5 portsmouth", "portsmouth-1905", NULL },
  { "\"clause 9", "joint-declaration-1956", NULL },
  { "foo:bar portsmouth", "portsmouth-1905", NULL },
  { "portsmouth OR", "portsmouth-1905", NULL },
};

static void
test_bundled_query (gconstpointer data)
{
  const BundledCase *test = data;
  g_autoptr(NichiroDataset) bundled = nichiro_dataset_new_default (NULL);
  g_autoptr(NichiroSearch) search = nichiro_search_new (bundled);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, test->query);
  GPtrArray *items = results->items;
  gboolean found = test->also == NULL;

  g_assert_cmpuint (items->len, >, 0);
  if (test->first != NULL)
    g_assert_cmpstr (nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (items, 0))->entry),
                     ==, test->first);

  for (guint i = 0; i < MIN (items->len, 3) && !found; i++)
    found = g_str_equal (nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (items, i))->entry),
                         test->also);
  if (!found)
    g_error ("“%s” is not among the first three results for “%s”", test->also, test->query);
}

typedef struct
{
  const char *query;
  const char *parsed;
  guint n_warnings;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "portsmouth", "portsmouth", 0 },
  { "  Komura   Jūtarō ", "komura jutaro", 0 },
  { "\"basic convention\" -war", "\"basic convention\" -war", 0 },
  { "witte OR rosen komura", "(witte OR rosen) komura", 0 },
  { "kind:Treaty party:USSR signer:molotov place:moscow thread:kurils", "kind:treaty party:ussr signer:molotov place:moscow thread:kurils", 0 },
  { "year:1905", "year:1905..1905", 0 },
  { "year:1925..1904", "year:1904..1925", 0 },
  { "year:..1904", "year:0..1904", 0 },
  { "year:19x5 treaty", "treaty", 1 },
  { "year:", "", 1 },
  { "\"unclosed phrase", "\"unclosed phrase\"", 1 },
  { "OR treaty", "treaty", 1 },
  { "treaty OR", "treaty", 1 },
  { "in:articles sakhalin", "sakhalin in:articles", 0 },
  { "in:nowhere sakhalin", "sakhalin", 1 },
  { "foo:bar", "", 1 },
  /* A kind no entry can have is ignored, and said so; plurals are kinds. */
  { "kind:bogus treaty", "treaty", 1 },
  { "kind:treaties", "kind:treaties", 0 },
  { "kind:instrument", "kind:instrument", 0 },
  { "10:30", "10:30", 0 },
  /* Punctuation alone asks for nothing: "Вебера — Комуры". */
  { "-", "", 0 },
  { "portsmouth — treaty", "portsmouth treaty", 0 },
  { "", "", 0 },
  { "　ポーツマス　", "ポーツマス", 0 },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autoptr(NichiroQuery) query = nichiro_query_parse (parse_cases[i].query);
      g_autofree char *parsed = nichiro_query_to_string (query);

      g_test_message ("%s", parse_cases[i].query);
      g_assert_cmpstr (parsed, ==, parse_cases[i].parsed);
      g_assert_cmpuint (g_strv_length ((char **) nichiro_query_get_warnings (query)), ==, parse_cases[i].n_warnings);
    }
}

/* Values of party:, thread:, signer: and place: that no entry has are
 * said to be unknown, with the values there are where they are few. */
typedef struct
{
  const char *query;
  const char *warning;   /* NULL: none */
  guint n_results;
} UnknownCase;

static const UnknownCase unknown_cases[] = {
  { "kind:bogus", "Ignored kind:bogus: the kinds are treaty, agreement, convention, protocol, declaration, pact, "
                  "war, battle, conference, incident, mission, event; kind:instrument finds all six kinds of "
                  "written instruments.", 0 },
  { "party:atlantis", "No entry has a party called “atlantis”; the parties are japan, russia.", 0 },
  { "thread:atlantis", "No entry is on a thread called “atlantis”; the threads are sakhalin.", 0 },
  { "signer:napoleon", "No entry was signed by anyone called “napoleon”.", 0 },
  { "place:atlantis", "No entry happened at a place called “atlantis”.", 0 },
  /* Known values, even where nothing else matches, and misspelt ones. */
  { "party:japan zzzz", NULL, 0 },
  { "thread:sakhalin", NULL, 1 },
  { "signer:witte", NULL, 1 },
  { "party:rusia", NULL, 2 },
  { "-party:atlantis treaty", "No entry has a party called “atlantis”; the parties are japan, russia.", 2 },
};

static void
test_unknown_values (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);

  for (guint i = 0; i < G_N_ELEMENTS (unknown_cases); i++)
    {
      const UnknownCase *test = &unknown_cases[i];
      g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, test->query);

      g_test_message ("%s", test->query);
      g_assert_cmpuint (results->items->len, ==, test->n_results);
      if (test->warning == NULL)
        {
          g_assert_cmpuint (g_strv_length (results->warnings), ==, 0);
        }
      else
        {
          g_assert_cmpuint (g_strv_length (results->warnings), ==, 1);
          g_assert_cmpstr (results->warnings[0], ==, test->warning);
        }
    }
}

static void
test_highlights (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, "portsm sakhalin");
  const NichiroSearchResult *result;
  const NichiroRange *range;

  g_assert_cmpuint (results->items->len, ==, 1);
  result = g_ptr_array_index (results->items, 0);

  /* "Treaty of Portsmouth": the typed prefix is highlighted. */
  g_assert_cmpuint (result->title_ranges->len, ==, 1);
  range = &g_array_index (result->title_ranges, NichiroRange, 0);
  g_assert_cmpuint (range->start, ==, 10);
  g_assert_cmpuint (range->end, ==, 16);

  g_assert_nonnull (result->snippet);
  g_assert_cmpuint (result->snippet_ranges->len, >=, 1);
  range = &g_array_index (result->snippet_ranges, NichiroRange, 0);
  g_assert_true (g_ascii_strncasecmp (result->snippet + range->start, "portsm", 6) == 0 ||
                 g_ascii_strncasecmp (result->snippet + range->start, "sakhalin", 8) == 0);
}

/* With Japanese titles leading, the result names the entry in Japanese,
 * highlights there, and quotes the English title when that matched. */
static void
test_title_language (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) english = NULL;
  g_autoptr(NichiroSearchResults) japanese = NULL;
  g_autoptr(NichiroSearchResults) fallback = NULL;
  const NichiroSearchResult *result;
  const NichiroRange *range;

  nichiro_search_set_title_language (search, NICHIRO_LANGUAGE_JA);

  english = nichiro_search_run (search, "portsmouth treaty");
  g_assert_cmpuint (english->items->len, ==, 1);
  result = g_ptr_array_index (english->items, 0);
  g_assert_cmpstr (result->title, ==, "ポーツマス条約");
  g_assert_cmpuint (result->title_ranges->len, ==, 0);
  g_assert_cmpstr (result->snippet, ==, "Treaty of Portsmouth");
  g_assert_cmpuint (result->snippet_ranges->len, ==, 2);

  japanese = nichiro_search_run (search, "ポーツマス");
  g_assert_cmpuint (japanese->items->len, ==, 1);
  result = g_ptr_array_index (japanese->items, 0);
  g_assert_cmpstr (result->title, ==, "ポーツマス条約");
  g_assert_cmpuint (result->title_ranges->len, ==, 1);
  range = &g_array_index (result->title_ranges, NichiroRange, 0);
  g_assert_cmpuint (range->start, ==, 0);
  g_assert_cmpuint (range->end, ==, strlen ("ポーツマス"));

  /* No Japanese title: the English one leads. */
  fallback = nichiro_search_run (search, "shimoda");
  g_assert_cmpuint (fallback->items->len, >=, 1);
  result = g_ptr_array_index (fallback->items, 0);
  g_assert_cmpstr (result->title, ==, "Treaty of Shimoda");
  g_assert_cmpuint (result->title_ranges->len, ==, 1);
}

static void
test_highlights_folded (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, "ПОРТСМУТ");
  const NichiroSearchResult *result = g_ptr_array_index (results->items, 0);
  const NichiroRange *range;
  g_autofree char *matched = NULL;

  /* The Russian title is the snippet; the range covers its own bytes. */
  g_assert_cmpstr (result->snippet, ==, "Портсмутский мирный договор");
  range = &g_array_index (result->snippet_ranges, NichiroRange, 0);
  matched = g_strndup (result->snippet + range->start, range->end - range->start);
  g_assert_cmpstr (matched, ==, "Портсмут");
}

static void
test_suggestion (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) misspelt = nichiro_search_run (search, "shimdoa");
  g_autoptr(NichiroSearchResults) filtered = nichiro_search_run (search, "shimoda kind:war");

  g_assert_cmpuint (misspelt->items->len, ==, 0);
  g_assert_cmpstr (misspelt->suggestion, ==, "shimoda");
  g_assert_cmpuint (filtered->items->len, ==, 0);
  g_assert_cmpstr (filtered->suggestion, ==, "shimoda");
}

static char *
repeat (const char *text,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, text);
  return g_string_free (out, FALSE);
}

static gboolean
has_warning (NichiroSearchResults *results,
             const char           *part)
{
  for (guint i = 0; results->warnings[i] != NULL; i++)
    if (strstr (results->warnings[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* A query of absurd length, or with very many terms, is cut with a
 * warning and still answers what it can; no counter overflows (65,536
 * clauses used to match nothing at all). */
static void
test_limits (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) one = nichiro_search_run (search, "treaty");
  g_autoptr(GString) hundred = g_string_new ("treaty");
  g_autofree char *huge = repeat ("treaty ", 70000);
  g_autofree char *quotes = repeat ("\"a ", 16 * 1024 / 3);
  g_autofree char *exact = repeat ("a", NICHIRO_QUERY_MAX_LENGTH - 6);
  g_autofree char *exact_query = g_strconcat (exact, " ж ж ж", NULL);
  g_autoptr(NichiroSearchResults) many = NULL;
  g_autoptr(NichiroSearchResults) overflow = nichiro_search_run (search, huge);
  g_autoptr(NichiroSearchResults) quoted = nichiro_search_run (search, quotes);
  g_autoptr(NichiroSearchResults) at_limit = nichiro_search_run (search, exact_query);
  g_autoptr(NichiroQuery) cut = NULL;
  g_autofree char *cut_text = NULL;

  g_assert_cmpuint (one->items->len, ==, 2);

  /* A hundred alternatives: the first 64 are searched. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (hundred, " OR zq%u", i);
  many = nichiro_search_run (search, hundred->str);
  g_assert_cmpuint (many->items->len, ==, one->items->len);
  g_assert_true (has_warning (many, "Only the first 64 terms"));
  g_assert_false (has_warning (many, "characters"));

  g_assert_cmpuint (overflow->items->len, ==, one->items->len);
  g_assert_true (has_warning (overflow, "longer than 2000 characters"));

  g_assert_true (has_warning (quoted, "longer than 2000 characters"));

  g_assert_false (has_warning (at_limit, "characters"));

  /* Cut between characters, never inside one. */
  cut_text = g_strconcat (exact, " жжжжжжжж", NULL);
  cut = nichiro_query_parse (cut_text);
  g_assert_cmpuint (g_strv_length ((char **) nichiro_query_get_warnings (cut)), ==, 1);
  g_assert_cmpstr (nichiro_query_get_term (cut, 1, 0)->raw, ==, "жжжжж");
}

/* Respelling looks at only a few words: a long query of misspellings gets
 * no suggestion rather than a wait. */
static void
test_repeated_terms (void)
{
  g_autoptr(NichiroQuery) query = nichiro_query_parse ("treaty Treaty treaty -war -war \"of portsmouth\" \"of portsmouth\"");

  g_assert_cmpuint (nichiro_query_get_n_clauses (query), ==, 3);
}

static void
test_suggestion_bounded (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  const char *nine = "shimdoa shmoda shimoad sihmoda shiomda hsimoda shimodaa shimodda shhimoda";
  g_autoptr(NichiroSearchResults) few = nichiro_search_run (search, "shimdoa shmoda");
  g_autoptr(NichiroSearchResults) many = nichiro_search_run (search, nine);

  g_assert_cmpstr (few->suggestion, ==, "shimoda shimoda");
  g_assert_cmpuint (many->items->len, ==, 0);
  g_assert_null (many->suggestion);
}

static gboolean
fake_is (NichiroEntry *entry,
         const char   *what,
         gpointer      user_data)
{
  const char *id = nichiro_entry_get_id (entry);

  if (g_str_equal (what, "bookmarked"))
    return g_str_equal (id, "shimoda-1855");
  if (g_str_equal (what, "noted"))
    return g_str_equal (id, "peace-1905");
  return FALSE;
}

static const char *
fake_note (NichiroEntry *entry,
           gpointer      user_data)
{
  return g_str_equal (nichiro_entry_get_id (entry), "peace-1905") ? "Ask about the Indemnity in class" : NULL;
}

/* The reader's marks filter, and their notes are searched. */
static void
test_study (void)
{
  static const NichiroSearchStudy study = { fake_is, fake_note };
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) noted = NULL;
  g_autoptr(NichiroSearchResults) bookmarked = NULL;
  g_autoptr(NichiroSearchResults) note_text = NULL;
  g_autoptr(NichiroSearchResults) unknown = NULL;
  g_autoptr(NichiroSearchResults) without = NULL;

  without = nichiro_search_run (search, "is:bookmarked");
  g_assert_cmpuint (without->items->len, ==, 0);

  nichiro_search_set_study (search, &study, NULL);
  bookmarked = nichiro_search_run (search, "is:bookmarked treaty");
  g_assert_cmpuint (bookmarked->items->len, ==, 1);
  g_assert_cmpstr (nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (bookmarked->items, 0))->entry),
                   ==, "shimoda-1855");

  noted = nichiro_search_run (search, "is:noted");
  g_assert_cmpuint (noted->items->len, ==, 1);

  note_text = nichiro_search_run (search, "indemnity");
  g_assert_cmpuint (note_text->items->len, ==, 1);
  g_assert_cmpstr (nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (note_text->items, 0))->entry),
                   ==, "peace-1905");

  unknown = nichiro_search_run (search, "is:favourite treaty");
  g_assert_cmpuint (unknown->items->len, ==, 2);
  g_assert_cmpstr (unknown->warnings[0], ==,
                   "Ignored is:favourite: write is:studied, is:unstudied, is:bookmarked or is:noted.");
}

static void
test_invalid_utf8_query (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, "port\xff");

  g_assert_cmpuint (results->items->len, ==, 0);
  g_assert_cmpstr (results->warnings[0], ==, "The query is not valid text and was ignored.");
}

typedef struct
{
  const char *text;
  const char *folded;
} FoldCase;

static const FoldCase fold_cases[] = {
  { "Komura Jūtarō", "komura jutaro" },
  { "ＫＯＭＵＲＡ", "komura" },
  { "Ёлка", "елка" },
  { "Café", "cafe" },
  { "ﾎﾟｰﾂﾏｽ", "ポーツマス" },
  { "ポーツマス", "ポーツマス" },
  { "Ōtsu", "otsu" },
  { "", "" },
};

static void
test_fold (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    {
      g_autofree char *folded = nichiro_text_fold (fold_cases[i].text);

      g_assert_cmpstr (folded, ==, fold_cases[i].folded);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = nichiro_test_load_dataset ("small.json");

  g_test_add_func ("/nichiro/search/fold", test_fold);
  g_test_add_func ("/nichiro/search/invalid-utf8", test_invalid_utf8_query);
  g_test_add_func ("/nichiro/search/parse", test_parse);
  g_test_add_func ("/nichiro/search/unknown-values", test_unknown_values);
  g_test_add_func ("/nichiro/search/highlights", test_highlights);
  g_test_add_func ("/nichiro/search/highlights-folded", test_highlights_folded);
  g_test_add_func ("/nichiro/search/title-language", test_title_language);
  g_test_add_func ("/nichiro/search/suggestion", test_suggestion);
  g_test_add_func ("/nichiro/search/suggestion-bounded", test_suggestion_bounded);
  g_test_add_func ("/nichiro/search/limits", test_limits);
  g_test_add_func ("/nichiro/search/repeated-terms", test_repeated_terms);
  g_test_add_func ("/nichiro/search/study", test_study);
  for (guint i = 0; i < G_N_ELEMENTS (bundled_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/search/bundled/%u", i);

      g_test_add_data_func (test_path, &bundled_cases[i], test_bundled_query);
    }
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/search/query/%u", i);

      g_test_add_data_func (test_path, &search_cases[i], test_query);
    }

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
