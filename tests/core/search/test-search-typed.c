/* test-search-typed.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "nichiro-search.h"
#include "nichiro-test-utils.h"

/* The bundled dataset searched the way a student preparing an exam types:
 * a bare year, a title in whatever case the sentence put it in, a name in
 * Japanese or Russian. One index serves every case. */

static NichiroDataset *bundled;
static NichiroSearch *search;

/* Where @id comes in the results of @query, or -1. */
static int
rank_of (const char *query,
         const char *id)
{
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, query);

  for (guint i = 0; i < results->items->len; i++)
    {
      const NichiroSearchResult *result = g_ptr_array_index (results->items, i);

      if (g_str_equal (nichiro_entry_get_id (result->entry), id))
        return (int) i;
    }

  return -1;
}

static void
assert_among_first (const char *query,
                    const char *id,
                    int         n)
{
  int rank = rank_of (query, id);

  if (rank < 0 || rank >= n)
    {
      g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, query);
      g_autoptr(GString) first = g_string_new (NULL);

      for (guint i = 0; i < MIN (results->items->len, 5); i++)
        g_string_append_printf (first, " %s",
                                nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (results->items, i))->entry));
      g_test_fail_printf ("“%s” is %s for “%s”, not among the first %d (first:%s)", id,
                          rank < 0 ? "not found" : "ranked lower", query, n, first->str);
    }
}

/* Bare years: the entries of that year, its written instruments first;
 * numbers that are no year of the data stay words. */

typedef struct
{
  const char *query;
  const char *id;
  int within;      /* the entry is among the first @within results; 0: absent */
} RankCase;

static const RankCase year_cases[] = {
  { "1855", "shimoda-1855", 1 },
  { "1875", "st-petersburg-1875", 1 },
  { "1895", "commerce-treaty-1895", 1 },
  { "1904", "russo-japanese-war-1904", 1 },
  { "1905", "portsmouth-1905", 1 },
  { "1905", "portsmouth-conference-1905", 5 },
  { "1925", "basic-convention-1925", 3 },
  { "1941", "neutrality-pact-1941", 1 },
  { "1945", "yalta-agreement-1945", 5 },
  { "1951", "san-francisco-1951", 3 },
  { "1956", "joint-declaration-1956", 3 },
  /* A war goes on through the years after it began. */
  { "1905", "russo-japanese-war-1904", 8 },
  /* With other words, the year narrows them. */
  { "portsmouth 1905", "portsmouth-1905", 1 },
  { "agreement 1907", "agreement-1907", 1 },
  { "agreement 1910", "agreement-1910", 1 },
  { "Соглашение 1916", "agreement-1916", 1 },
  { "ポーツマス 1905", "portsmouth-1905", 1 },
  /* Numbers in texts are not years. */
  { "clause 9", "joint-declaration-1956", 1 },
  { "article 9", "joint-declaration-1956", 3 },
  /* A year no entry has finds nothing by date. */
  { "2024", "portsmouth-1905", 0 },
  { "1600", "shimoda-1855", 0 },
};

static void
test_rank (gconstpointer data)
{
  const RankCase *test = data;

  if (test->within == 0)
    g_assert_cmpint (rank_of (test->query, test->id), ==, -1);
  else
    assert_among_first (test->query, test->id, test->within);
}

/* Every instrument's Russian title in the six cases (and the plural's),
 * as a sentence would put it: each finds its entry in the first three. */

typedef struct
{
  const char *id;
  const char *forms[7];
} CaseForms;

static const CaseForms instrument_titles[] = {
  { "shimoda-1855", {
      "Симодский трактат", "Симодского трактата", "Симодскому трактату", "Симодским трактатом",
      "о Симодском трактате" } },
  { "supplementary-treaty-1857", {
      "Дополнительный трактат 1857 года", "Дополнительного трактата 1857 года",
      "Дополнительному трактату 1857 года", "Дополнительным трактатом 1857 года",
      "о Дополнительном трактате 1857 года" } },
  { "commerce-treaty-1858", {
      "Эдоский договор 1858 года", "Эдоского договора 1858 года", "Эдоскому договору 1858 года",
      "Эдоским договором 1858 года", "об Эдоском договоре 1858 года" } },
  { "sakhalin-arrangement-1867", {
      "Временное соглашение об острове Сахалин", "Временного соглашения об острове Сахалин",
      "Временному соглашению об острове Сахалин", "Временным соглашением об острове Сахалин",
      "о Временном соглашении об острове Сахалин" } },
  { "st-petersburg-1875", {
      "Петербургский договор 1875 года", "Петербургского договора 1875 года",
      "Петербургскому договору 1875 года", "Петербургским договором 1875 года",
      "о Петербургском договоре 1875 года" } },
  { "commerce-treaty-1895", {
      "Договор о торговле и мореплавании 1895 года", "Договора о торговле и мореплавании 1895 года",
      "Договору о торговле и мореплавании 1895 года", "Договором о торговле и мореплавании 1895 года",
      "о Договоре о торговле и мореплавании 1895 года" } },
  { "komura-weber-memorandum-1896", {
      "Меморандум Вебера — Комуры", "Меморандума Вебера — Комуры", "Меморандуму Вебера — Комуры",
      "Меморандумом Вебера — Комуры", "о Меморандуме Вебера — Комуры" } },
  { "yamagata-lobanov-protocol-1896", {
      "Протокол Лобанова — Ямагаты", "Протокола Лобанова — Ямагаты", "Протоколу Лобанова — Ямагаты",
      "Протоколом Лобанова — Ямагаты", "о Протоколе Лобанова — Ямагаты" } },
  { "liaodong-lease-1898", {
      "Русско-китайская конвенция 1898 года", "Русско-китайской конвенции 1898 года",
      "Русско-китайскую конвенцию 1898 года", "Русско-китайской конвенцией 1898 года",
      "о Русско-китайской конвенции 1898 года" } },
  { "nishi-rosen-agreement-1898", {
      "Протокол Ниси — Розена", "Протокола Ниси — Розена", "Протоколу Ниси — Розена",
      "Протоколом Ниси — Розена", "о Протоколе Ниси — Розена" } },
  { "anglo-japanese-alliance-1902", {
      "Англо-японский союз", "Англо-японского союза", "Англо-японскому союзу", "Англо-японским союзом",
      "об Англо-японском союзе" } },
  { "portsmouth-1905", {
      "Портсмутский мирный договор", "Портсмутского мирного договора", "Портсмутскому мирному договору",
      "Портсмутским мирным договором", "о Портсмутском мирном договоре" } },
  { "fisheries-convention-1907", {
      "Русско-японская рыболовная конвенция 1907 года", "Русско-японской рыболовной конвенции 1907 года",
      "Русско-японскую рыболовную конвенцию 1907 года", "Русско-японской рыболовной конвенцией 1907 года",
      "о Русско-японской рыболовной конвенции 1907 года" } },
  { "agreement-1907", {
      "Русско-японское соглашение 1907 года", "Русско-японского соглашения 1907 года",
      "Русско-японскому соглашению 1907 года", "Русско-японским соглашением 1907 года",
      "о Русско-японском соглашении 1907 года" } },
  { "agreement-1910", {
      "Русско-японское соглашение 1910 года", "Русско-японского соглашения 1910 года",
      "Русско-японскому соглашению 1910 года", "Русско-японским соглашением 1910 года",
      "о Русско-японском соглашении 1910 года" } },
  { "agreement-1912", {
      "Русско-японская секретная конвенция 1912 года", "Русско-японской секретной конвенции 1912 года",
      "Русско-японскую секретную конвенцию 1912 года", "Русско-японской секретной конвенцией 1912 года",
      "о Русско-японской секретной конвенции 1912 года" } },
  { "agreement-1916", {
      "Русско-японское соглашение 1916 года", "Русско-японского соглашения 1916 года",
      "Русско-японскому соглашению 1916 года", "Русско-японским соглашением 1916 года",
      "о Русско-японском соглашении 1916 года" } },
  { "basic-convention-1925", {
      "Конвенция об основных принципах взаимоотношений между СССР и Японией",
      "Конвенции об основных принципах взаимоотношений между СССР и Японией",
      "Конвенцию об основных принципах взаимоотношений между СССР и Японией",
      "Конвенцией об основных принципах взаимоотношений между СССР и Японией",
      "о Конвенции об основных принципах взаимоотношений между СССР и Японией" } },
  { "sakhalin-concessions-1925", {
      "Концессионные договоры по Северному Сахалину (1925)", "Концессионных договоров по Северному Сахалину (1925)",
      "Концессионным договорам по Северному Сахалину (1925)", "Концессионными договорами по Северному Сахалину (1925)",
      "о Концессионных договорах по Северному Сахалину" } },
  { "fisheries-convention-1928", {
      "Советско-японская рыболовная конвенция 1928 года", "Советско-японской рыболовной конвенции 1928 года",
      "Советско-японскую рыболовную конвенцию 1928 года", "Советско-японской рыболовной конвенцией 1928 года",
      "о Советско-японской рыболовной конвенции 1928 года" } },
  { "cer-sale-1935", {
      "Соглашение о продаже КВЖД Маньчжоу-го", "Соглашения о продаже КВЖД Маньчжоу-го",
      "Соглашению о продаже КВЖД Маньчжоу-го", "Соглашением о продаже КВЖД Маньчжоу-го",
      "о Соглашении о продаже КВЖД Маньчжоу-го" } },
  { "anti-comintern-pact-1936", {
      "Антикоминтерновский пакт", "Антикоминтерновского пакта", "Антикоминтерновскому пакту",
      "Антикоминтерновским пактом", "об Антикоминтерновском пакте" } },
  { "molotov-ribbentrop-pact-1939", {
      "Договор о ненападении между Германией и СССР", "Договора о ненападении между Германией и СССР",
      "Договору о ненападении между Германией и СССР", "Договором о ненападении между Германией и СССР",
      "о Договоре о ненападении между Германией и СССР" } },
  { "nomonhan-ceasefire-1939", {
      "Соглашение о прекращении боевых действий на Халхин-Голе",
      "Соглашения о прекращении боевых действий на Халхин-Голе",
      "Соглашению о прекращении боевых действий на Халхин-Голе",
      "Соглашением о прекращении боевых действий на Халхин-Голе",
      "о Соглашении о прекращении боевых действий на Халхин-Голе" } },
  { "tripartite-pact-1940", {
      "Берлинский пакт", "Берлинского пакта", "Берлинскому пакту", "Берлинским пактом", "о Берлинском пакте" } },
  { "neutrality-pact-1941", {
      "Пакт о нейтралитете между СССР и Японией", "Пакта о нейтралитете между СССР и Японией",
      "Пакту о нейтралитете между СССР и Японией", "Пактом о нейтралитете между СССР и Японией",
      "о Пакте о нейтралитете между СССР и Японией" } },
  { "concessions-protocol-1944", {
      "Протокол о передаче японских концессий на Северном Сахалине",
      "Протокола о передаче японских концессий на Северном Сахалине",
      "Протоколу о передаче японских концессий на Северном Сахалине",
      "Протоколом о передаче японских концессий на Северном Сахалине",
      "о Протоколе о передаче японских концессий на Северном Сахалине" } },
  { "yalta-agreement-1945", {
      "Соглашение трёх великих держав по вопросам Дальнего Востока",
      "Соглашения трёх великих держав по вопросам Дальнего Востока",
      "Соглашению трёх великих держав по вопросам Дальнего Востока",
      "Соглашением трёх великих держав по вопросам Дальнего Востока",
      "о Соглашении трёх великих держав по вопросам Дальнего Востока" } },
  { "neutrality-pact-notice-1945", {
      "Заявление Советского правительства о денонсации пакта о нейтралитете с Японией",
      "Заявления Советского правительства о денонсации пакта о нейтралитете с Японией",
      "Заявлению Советского правительства о денонсации пакта о нейтралитете с Японией",
      "Заявлением Советского правительства о денонсации пакта о нейтралитете с Японией",
      "о Заявлении Советского правительства о денонсации пакта о нейтралитете с Японией" } },
  { "potsdam-declaration-1945", {
      "Потсдамская декларация", "Потсдамской декларации", "Потсдамскую декларацию", "Потсдамской декларацией",
      "о Потсдамской декларации" } },
  { "soviet-declaration-of-war-1945", {
      "Заявление Советского правительства правительству Японии об объявлении войны",
      "Заявления Советского правительства правительству Японии об объявлении войны",
      "Заявлению Советского правительства правительству Японии об объявлении войны",
      "Заявлением Советского правительства правительству Японии об объявлении войны",
      "о Заявлении Советского правительства правительству Японии об объявлении войны" } },
  { "san-francisco-1951", {
      "Сан-Францисский мирный договор", "Сан-Францисского мирного договора", "Сан-Францисскому мирному договору",
      "Сан-Францисским мирным договором", "о Сан-Францисском мирном договоре" } },
  { "us-japan-security-treaty-1951", {
      "Японо-американский договор безопасности 1951 года", "Японо-американского договора безопасности 1951 года",
      "Японо-американскому договору безопасности 1951 года", "Японо-американским договором безопасности 1951 года",
      "о Японо-американском договоре безопасности 1951 года" } },
  { "fisheries-convention-1956", {
      "Советско-японская конвенция о рыболовстве 1956 года", "Советско-японской конвенции о рыболовстве 1956 года",
      "Советско-японскую конвенцию о рыболовстве 1956 года", "Советско-японской конвенцией о рыболовстве 1956 года",
      "о Советско-японской конвенции о рыболовстве 1956 года" } },
  { "joint-declaration-1956", {
      "Советско-японская декларация 1956 года", "Советско-японской декларации 1956 года",
      "Советско-японскую декларацию 1956 года", "Советско-японской декларацией 1956 года",
      "о Советско-японской декларации 1956 года" } },
  { "trade-convention-1867", {
      "Русско-японское торговое соглашение 1867 года", "Русско-японского торгового соглашения 1867 года",
      "Русско-японскому торговому соглашению 1867 года", "Русско-японским торговым соглашением 1867 года",
      "о Русско-японском торговом соглашении 1867 года" } },
  { "commerce-navigation-treaty-1907", {
      "Русско-японский договор о торговле и мореплавании 1907 года",
      "Русско-японского договора о торговле и мореплавании 1907 года",
      "Русско-японскому договору о торговле и мореплавании 1907 года",
      "Русско-японским договором о торговле и мореплавании 1907 года",
      "о Русско-японском договоре о торговле и мореплавании 1907 года" } },
  { "togo-molotov-agreements-1939", {
      "Советско-японские соглашения от 31 декабря 1939 года",
      "Советско-японских соглашений от 31 декабря 1939 года",
      "Советско-японским соглашениям от 31 декабря 1939 года",
      "Советско-японскими соглашениями от 31 декабря 1939 года",
      "о Советско-японских соглашениях от 31 декабря 1939 года" } },
  { "cairo-declaration-1943", {
      "Каирская декларация", "Каирской декларации", "Каирскую декларацию", "Каирской декларацией",
      "о Каирской декларации" } },
  { "sino-soviet-treaty-1945", {
      "Договор о дружбе и союзе между СССР и Китайской Республикой",
      "Договора о дружбе и союзе между СССР и Китайской Республикой",
      "Договору о дружбе и союзе между СССР и Китайской Республикой",
      "Договором о дружбе и союзе между СССР и Китайской Республикой",
      "о Договоре о дружбе и союзе между СССР и Китайской Республикой" } },
  { "trade-protocol-1956", {
      "Протокол о развитии торговли и взаимном предоставлении режима наибольшего благоприятствования",
      "Протокола о развитии торговли и взаимном предоставлении режима наибольшего благоприятствования",
      "Протоколу о развитии торговли и взаимном предоставлении режима наибольшего благоприятствования",
      "Протоколом о развитии торговли и взаимном предоставлении режима наибольшего благоприятствования",
      "о Протоколе о развитии торговли и взаимном предоставлении режима наибольшего благоприятствования" } },
};

static void
test_instrument_cases (gconstpointer data)
{
  const CaseForms *test = data;
  NichiroEntry *entry = nichiro_dataset_lookup_entry (bundled, test->id);

  /* The table keeps up with the dataset's titles. */
  g_assert_nonnull (entry);
  g_assert_cmpstr (nichiro_entry_get_titles (entry)->ru, ==, test->forms[0]);

  for (guint i = 0; i < G_N_ELEMENTS (test->forms) && test->forms[i] != NULL; i++)
    assert_among_first (test->forms[i], test->id, 3);
}

/* Every instrument of the dataset has its row above. */
static void
test_instrument_cases_complete (void)
{
  GListModel *entries = nichiro_dataset_get_entries (bundled);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      gboolean listed = FALSE;

      if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (instrument_titles) && !listed; j++)
        listed = g_str_equal (instrument_titles[j].id, nichiro_entry_get_id (entry));
      if (!listed)
        g_test_fail_printf ("%s has no row in instrument_titles", nichiro_entry_get_id (entry));
    }
}

/* How students put the Kurils, Sakhalin and the Neutrality Pact, in their
 * cases, misspelt now and then. */
static const RankCase phrase_cases[] = {
  { "Курильские острова", "kuril-islands-landing-1945", 3 },
  { "Курильских островов", "kuril-islands-landing-1945", 3 },
  { "Курильским островам", "kuril-islands-landing-1945", 3 },
  { "Курильскими островами", "kuril-islands-landing-1945", 3 },
  { "о Курильских островах", "kuril-islands-landing-1945", 3 },
  { "на Курильских островах", "kuril-islands-landing-1945", 3 },
  { "Курилы", "kuril-islands-landing-1945", 3 },
  { "Курил", "kuril-islands-landing-1945", 3 },
  { "на Курилах", "kuril-islands-landing-1945", 3 },
  { "остров Сахалин", "sakhalin-arrangement-1867", 3 },
  { "острова Сахалин", "sakhalin-arrangement-1867", 3 },
  { "об острове Сахалин", "sakhalin-arrangement-1867", 3 },
  { "острове Сахалине", "sakhalin-arrangement-1867", 3 },
  { "Сахалина", "sakhalin-arrangement-1867", 5 },
  { "Северного Сахалина", "northern-sakhalin-occupation-1920", 3 },
  { "на Северном Сахалине", "concessions-protocol-1944", 3 },
  { "Южного Сахалина", "south-sakhalin-operation-1945", 3 },
  { "Сахалинской области", "soviet-annexation-decree-1946", 3 },
  { "обороны Сахалина", "sakhalin-campaign-1905", 3 },
  { "Пакт о нейтралитете", "neutrality-pact-1941", 1 },
  { "пакта о нейтралитете", "neutrality-pact-1941", 1 },
  { "пакту о нейтралитете", "neutrality-pact-1941", 1 },
  { "пактом о нейтралитете", "neutrality-pact-1941", 1 },
  { "о пакте о нейтралитете", "neutrality-pact-1941", 1 },
  { "советско-японского пакта о нейтралитете", "neutrality-pact-1941", 3 },
  { "денонсации пакта о нейтралитете", "neutrality-pact-notice-1945", 1 },
  { "денонсация пакта", "neutrality-pact-notice-1945", 1 },
  /* Typos on the stem, in the ending, while typing. */
  { "пакта о нейтралитеете", "neutrality-pact-1941", 3 },
  { "Портсмутскава договора", "portsmouth-1905", 3 },
  { "Курильскех островов", "kuril-islands-landing-1945", 3 },
  { "Сахолина", "sakhalin-arrangement-1867", 5 },
  { "Портсмутс", "portsmouth-1905", 1 },
  { "нейтрал", "neutrality-pact-1941", 3 },
};

/* The highlight of a word found in another case covers the word. */
static void
test_stem_highlight (void)
{
  g_autoptr(NichiroSearchResults) results = NULL;
  const NichiroSearchResult *result;
  g_autofree char *matched = NULL;
  const NichiroRange *range;

  nichiro_search_set_title_language (search, NICHIRO_LANGUAGE_RU);
  results = nichiro_search_run (search, "Портсмутского");
  nichiro_search_set_title_language (search, NICHIRO_LANGUAGE_EN);

  result = g_ptr_array_index (results->items, 0);
  g_assert_cmpstr (result->title, ==, "Портсмутский мирный договор");
  g_assert_cmpuint (result->title_ranges->len, ==, 1);
  range = &g_array_index (result->title_ranges, NichiroRange, 0);
  matched = g_strndup (result->title + range->start, range->end - range->start);
  g_assert_cmpstr (matched, ==, "Портсмутский");
}

/* Signatories by their Japanese and Russian names: every instrument they
 * signed is found, and what they signed comes before what only names them. */
static void
test_signatory_names (void)
{
  GListModel *entries = nichiro_dataset_get_entries (bundled);
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      const NichiroSignatory *signatories;
      guint n;

      signatories = nichiro_entry_get_signatories (entry, &n);
      for (guint s = 0; s < n; s++)
        {
          const NichiroPerson *person = nichiro_dataset_lookup_person (bundled, signatories[s].person_id);
          guint n_signed = 0;

          g_assert_nonnull (person);

          /* How many entries the person signed: those come first. */
          for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
            {
              g_autoptr(NichiroEntry) other = g_list_model_get_item (entries, j);
              const NichiroSignatory *others;
              guint m;

              others = nichiro_entry_get_signatories (other, &m);
              for (guint k = 0; k < m; k++)
                if (g_str_equal (others[k].person_id, person->id))
                  {
                    n_signed++;
                    break;
                  }
            }

          for (NichiroLanguage language = NICHIRO_LANGUAGE_JA; language <= NICHIRO_LANGUAGE_RU; language++)
            {
              const char *name = nichiro_person_get_name (person, language);

              g_assert_nonnull (name);
              assert_among_first (name, nichiro_entry_get_id (entry), (int) n_signed + 2);
              n_checked++;
            }
        }
    }

  /* Two names for each of the instruments' signatories. */
  g_assert_cmpuint (n_checked, >, 150);
}

/* People the texts name without their signing: Witte negotiated at
 * Portsmouth, Khrushchev and Gromyko in Moscow in 1956. */
static const RankCase people_cases[] = {
  { "Витте", "portsmouth-1905", 3 },
  { "ウィッテ", "portsmouth-1905", 3 },
  { "Витте", "portsmouth-conference-1905", 3 },
  { "ウィッテ", "portsmouth-conference-1905", 3 },
  { "Хрущёв", "joint-declaration-1956", 3 },
  { "Хрущев", "moscow-negotiations-1956", 3 },
  { "フルシチョフ", "joint-declaration-1956", 3 },
  { "Громыко", "moscow-negotiations-1956", 3 },
  { "Громыко", "san-francisco-conference-1951", 3 },
  { "グロムイコ", "joint-declaration-1956", 3 },
  { "Комуры", "portsmouth-1905", 3 },
  { "Мацуоки", "neutrality-pact-1941", 1 },
  { "Молотова", "neutrality-pact-1941", 8 },
  /* A name two people share says nothing of which is meant. */
  { "ルーズベルト", "yalta-agreement-1945", 3 },
};

/* A run of one or two Japanese characters is answered from its postings
 * alone: every entry whose Japanese title holds it is still found, and
 * nothing is found that has it nowhere. */
static void
test_short_japanese_runs (void)
{
  static const char * const runs[] = { "条", "宣言", "樺", "日ソ", "協定", "乾" };
  GListModel *entries = nichiro_dataset_get_entries (bundled);

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      guint expected = 0;

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          const char *title = nichiro_entry_get_display_title (entry, NICHIRO_LANGUAGE_JA);

          if (strstr (title, runs[r]) == NULL)
            continue;
          expected++;
          if (rank_of (runs[r], nichiro_entry_get_id (entry)) < 0)
            g_error ("“%s” does not find %s, “%s”", runs[r], nichiro_entry_get_id (entry), title);
        }
      g_test_message ("“%s”: %u Japanese titles", runs[r], expected);
      if (g_str_equal (runs[r], "乾"))
        {
          g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, runs[r]);

          g_assert_cmpuint (expected, ==, 0);
          g_assert_cmpuint (results->items->len, ==, 0);
        }
      else
        {
          g_assert_cmpuint (expected, >, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Messages name Russian and Japanese queries. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  bundled = nichiro_dataset_new_default (NULL);
  g_assert_nonnull (bundled);
  search = nichiro_search_new (bundled);

  for (guint i = 0; i < G_N_ELEMENTS (year_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/search/typed/year/%u", i);

      g_test_add_data_func (path, &year_cases[i], test_rank);
    }
  for (guint i = 0; i < G_N_ELEMENTS (instrument_titles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/search/typed/russian-title/%s", instrument_titles[i].id);

      g_test_add_data_func (path, &instrument_titles[i], test_instrument_cases);
    }
  g_test_add_func ("/nichiro/search/typed/russian-titles-complete", test_instrument_cases_complete);
  for (guint i = 0; i < G_N_ELEMENTS (phrase_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/search/typed/phrase/%u", i);

      g_test_add_data_func (path, &phrase_cases[i], test_rank);
    }
  g_test_add_func ("/nichiro/search/typed/stem-highlight", test_stem_highlight);
  g_test_add_func ("/nichiro/search/typed/signatory-names", test_signatory_names);
  g_test_add_func ("/nichiro/search/typed/short-japanese-runs", test_short_japanese_runs);
  for (guint i = 0; i < G_N_ELEMENTS (people_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/search/typed/person/%u", i);

      g_test_add_data_func (path, &people_cases[i], test_rank);
    }

  status = g_test_run ();
  g_clear_pointer (&search, nichiro_search_free);
  g_clear_object (&bundled);
  return status;
}
