/* test-bundled-in-force.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-in-force.h"

/* What bound whom, day by day, in the bundled dataset: each row was
 * written from the sources cited beside it (the entries' own end and
 * stage notes give the details), and names every instrument in force on
 * that day, in order of signature; "?" marks one whose force the parties
 * dispute. Days of change come in pairs: the day before and the day of. */

static NichiroDataset *dataset;

typedef struct
{
  const char *day;
  const char *expected;
  const char *citation;
} DayCase;

#define SHIMODA "shimoda-1855"
#define KOREA_1896_1898 "komura-weber-memorandum-1896 yamagata-lobanov-protocol-1896 liaodong-lease-1898 nishi-rosen-agreement-1898"
#define FOUR_AGREEMENTS "agreement-1907 agreement-1910 agreement-1912 agreement-1916"
#define INTERWAR "st-petersburg-1875 portsmouth-1905 basic-convention-1925 sakhalin-concessions-1925 fisheries-convention-1928"
#define POSTWAR "st-petersburg-1875 cairo-declaration-1943 yalta-agreement-1945"

static const DayCase day_cases[] = {
  { "1855-02-07", "",
    "Shimoda signed, in force only from the exchange of ratifications (Diplomatic Archives of Japan; ja.wikipedia 日露和親条約)" },
  { "1856-12-06", "", "The day before the exchange at Shimoda" },
  { "1856-12-07", SHIMODA, "Ratifications exchanged at Shimoda, Ansei 3/11/10 (Diplomatic Archives of Japan)" },
  { "1857-10-24", SHIMODA " supplementary-treaty-1857",
    "Supplementary treaty signed at Nagasaki, 12/24 October 1857 (English text; Article 1 of the 1858 treaty)" },
  { "1859-08-07", SHIMODA " supplementary-treaty-1857", "The day before the 1858 treaty took effect" },
  { "1859-08-08", SHIMODA " commerce-treaty-1858",
    "1858 treaty in force on the exchange, Ansei 6/7/10; its Article 1 voids the 1857 treaty (printed Japanese text)" },
  { "1867-03-30", SHIMODA " commerce-treaty-1858 sakhalin-arrangement-1867",
    "Provisional Sakhalin arrangement signed at Saint Petersburg, 18/30 March 1867 (World and Japan database)" },
  { "1875-08-21", SHIMODA " commerce-treaty-1858 sakhalin-arrangement-1867 trade-convention-1867",
    "The day before the 1875 exchange; the 1867 trade convention is known to the month, December 1867 (ja.wikipedia 日露修好通商条約)" },
  { "1875-08-22", SHIMODA " commerce-treaty-1858 trade-convention-1867 st-petersburg-1875",
    "Ratifications of the 1875 treaty exchanged in Tokyo, 10/22 August 1875; it replaces Shimoda's Article 2 and the joint regime on Sakhalin (Diplomatic Archives of Japan)" },
  { "1899-07-16", SHIMODA " commerce-treaty-1858 trade-convention-1867 st-petersburg-1875 " KOREA_1896_1898,
    "The day before the revised treaties took effect" },
  { "1899-07-17", "st-petersburg-1875 commerce-treaty-1895 " KOREA_1896_1898,
    "1895 treaty in force 5/17 July 1899, all earlier Russo-Japanese treaties ceasing (Russian text; British and Foreign State Papers 1899)" },
  { "1904-02-09", "st-petersburg-1875 commerce-treaty-1895 " KOREA_1896_1898 " anglo-japanese-alliance-1902",
    "Fighting under way since the night of 8–9 February, no declaration yet (Wikipedia: Russo-Japanese War)" },
  { "1904-02-10", "st-petersburg-1875 liaodong-lease-1898 anglo-japanese-alliance-1902",
    "Declarations of war; Portsmouth Art. XII: the war annulled the commerce treaties (World and Japan database)" },
  { "1905-10-14", "st-petersburg-1875 liaodong-lease-1898 anglo-japanese-alliance-1902",
    "Ratified on both sides, but not yet notified (FRUS 1905, d906 and d909)" },
  { "1905-10-15", "st-petersburg-1875 liaodong-lease-1898 anglo-japanese-alliance-1902 portsmouth-1905",
    "Portsmouth in force from the later notification, 15 October 1905, Art. XIV (FRUS 1905, d909)" },
  { "1905-12-22", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905",
    "China consents to the transfer of the Liaodong lease to Japan, Beijing, 22 December 1905 (ja.wikipedia 満洲善後条約)" },
  { "1907-09-09", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905 fisheries-convention-1907 "
    "commerce-navigation-treaty-1907 agreement-1907",
    "Fisheries convention ratified and exchanged in Tokyo, 9 September 1907 (World and Japan database)" },
  { "1917-11-06", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905 fisheries-convention-1907 "
    "commerce-navigation-treaty-1907 " FOUR_AGREEMENTS,
    "The eve of the October Revolution" },
  { "1917-11-07", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905 fisheries-convention-1907 " FOUR_AGREEMENTS,
    "October Revolution: the 1907 commerce treaty ceases to operate, left for review by Art. III of the 1925 Basic Convention (Wikisource)" },
  { "1917-11-08", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905 fisheries-convention-1907",
    "Decree on Peace repudiates the tsarist secret treaties (Wikipedia: Decree on Peace; Karakhan Manifesto 1919)" },
  { "1920-01-01", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905",
    "The fisheries convention's twelve years have run out, September 1919 (Foreign Affairs, 1937)" },
  { "1923-08-16", "st-petersburg-1875 anglo-japanese-alliance-1902 portsmouth-1905", "The last day of the alliance" },
  { "1923-08-17", "st-petersburg-1875 portsmouth-1905",
    "Four-Power Treaty in force; its Art. IV ends the Anglo-Japanese alliance (Wikipedia: Four-Power Treaty)" },
  { "1925-02-25", "st-petersburg-1875 portsmouth-1905", "Japan ratifies the Basic Convention (World and Japan database)" },
  { "1925-02-26", "st-petersburg-1875 portsmouth-1905 basic-convention-1925",
    "Basic Convention in force, 26 February 1925 (Japanese Foreign Ministry collection, via the World and Japan database)" },
  { "1935-03-23", INTERWAR " cer-sale-1935",
    "Chinese Eastern Railway sold and handed over on signature (FRUS 1935, d92)" },
  { "1940-01-04", INTERWAR " cer-sale-1935 anti-comintern-pact-1936 molotov-ribbentrop-pact-1939 nomonhan-ceasefire-1939 "
    "togo-molotov-agreements-1939",
    "Manchukuo pays the railway's last instalment (Soviet–Japanese agreements of 31 December 1939, press text)" },
  { "1940-01-05", INTERWAR " anti-comintern-pact-1936 molotov-ribbentrop-pact-1939 nomonhan-ceasefire-1939 "
    "togo-molotov-agreements-1939",
    "The railway sale is complete" },
  { "1941-04-24", INTERWAR " anti-comintern-pact-1936 molotov-ribbentrop-pact-1939 tripartite-pact-1940",
    "Frontier line agreed on 9 June 1940 replaces the ceasefire (FRUS 1940, d682); the 1940 fisheries accord has run out" },
  { "1941-04-25", INTERWAR " anti-comintern-pact-1936 molotov-ribbentrop-pact-1939 tripartite-pact-1940 neutrality-pact-1941",
    "Neutrality Pact in force on ratification, Art. 3 (Wikipedia: Soviet–Japanese Neutrality Pact)" },
  { "1945-08-08", "st-petersburg-1875 portsmouth-1905 basic-convention-1925 fisheries-convention-1928 neutrality-pact-1941 "
    "cairo-declaration-1943 concessions-protocol-1944 yalta-agreement-1945 potsdam-declaration-1945",
    "The concessions were ended in 1944 (World and Japan database); war declared in Moscow that evening" },
  { "1945-08-09", "st-petersburg-1875 portsmouth-1905? neutrality-pact-1941? cairo-declaration-1943 yalta-agreement-1945 "
    "potsdam-declaration-1945 soviet-declaration-of-war-1945",
    "State of war from 9 August (HyperWar: Soviet declaration); Japan holds the pact in force to 25 April 1946 (MOFA)" },
  { "1946-04-24", "st-petersburg-1875 portsmouth-1905? neutrality-pact-1941? cairo-declaration-1943 yalta-agreement-1945 "
    "potsdam-declaration-1945 soviet-declaration-of-war-1945 sino-soviet-treaty-1945",
    "The last day of the pact's term by Japan's reckoning" },
  { "1946-04-25", "st-petersburg-1875 portsmouth-1905? cairo-declaration-1943 yalta-agreement-1945 potsdam-declaration-1945 "
    "soviet-declaration-of-war-1945 sino-soviet-treaty-1945",
    "Five years from ratification, Art. 3 (Sasakawa Peace Foundation, Island Studies)" },
  { "1952-04-28", POSTWAR " soviet-declaration-of-war-1945 sino-soviet-treaty-1945? san-francisco-1951 us-japan-security-treaty-1951",
    "San Francisco treaty in force: Japan renounces southern Sakhalin, the occupation ends (FRUS 1952–54, d563); "
    "the PRC and USSR had voided the 1945 treaty in 1950, Taipei had not yet (Wikipedia)" },
  { "1956-12-11", "st-petersburg-1875 cairo-declaration-1943 yalta-agreement-1945? soviet-declaration-of-war-1945 "
    "san-francisco-1951 us-japan-security-treaty-1951 trade-protocol-1956",
    "US aide-mémoire of 7 September 1956 on Yalta (MOFA); the trade protocol is counted from signature" },
  { "1956-12-12", "st-petersburg-1875 cairo-declaration-1943 yalta-agreement-1945? san-francisco-1951 us-japan-security-treaty-1951 "
    "fisheries-convention-1956 joint-declaration-1956 trade-protocol-1956",
    "Joint Declaration in force; clause 1 ends the state of war; the fisheries convention takes effect with it (World and Japan database)" },
};

static void
test_day (gconstpointer data)
{
  const DayCase *test = data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  NichiroDate day;

  g_test_message ("%s", test->citation);
  g_assert_true (nichiro_date_parse (test->day, &day));
  items = nichiro_in_force_on (dataset, &day);
  for (guint i = 0; i < items->len; i++)
    {
      const NichiroInForce *item = g_ptr_array_index (items, i);

      g_string_append_printf (found, "%s%s%s", i > 0 ? " " : "", nichiro_entry_get_id (item->entry),
                              item->force == NICHIRO_FORCE_DISPUTED ? "?" : "");
    }

  g_assert_cmpstr (found->str, ==, test->expected);
}

/* The list and each entry's own answer agree on a thousand days. */
static void
test_consistent (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1956);
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  NichiroDate first = nichiro_date_make (1855, 1, 1);
  NichiroDate last = nichiro_date_make (1956, 12, 31);
  gint64 from = nichiro_date_to_julian_day (&first);
  gint64 to = nichiro_date_to_julian_day (&last);

  for (guint n = 0; n < 1000; n++)
    {
      NichiroDate day = nichiro_date_from_julian_day (g_rand_int_range (rand, from, to + 1));
      g_autoptr(GPtrArray) items = nichiro_in_force_on (dataset, &day);
      guint found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          NichiroForce force = nichiro_entry_get_force (entry, &day);
          const NichiroInForce *item;

          if (force == NICHIRO_FORCE_NONE)
            continue;
          g_assert_cmpuint (found, <, items->len);
          item = g_ptr_array_index (items, found);
          g_assert_true (item->entry == entry);
          g_assert_cmpint (item->force, ==, force);
          g_assert_cmpint (nichiro_date_compare (&item->since, &day), <=, 0);
          found++;
        }
      g_assert_cmpuint (found, ==, items->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/bundled/in-force/%s", day_cases[i].day);

      g_test_add_data_func (path, &day_cases[i], test_day);
    }
  g_test_add_func ("/nichiro/bundled/in-force/consistent", test_consistent);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
