/* nichiro-card-build.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-card-set"

#include "config.h"

#include "nichiro-card-set.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nichiro-card-private.h"
#include "nichiro-card-text.h"
#include "nichiro-text.h"

/* Making a card set's cards from the dataset: the prompts, the answers
 * and the rules that keep a prompt from giving its answer away (see
 * nichiro-card-set.c for what they are). NichiroCardSet holds them and
 * answers for them. */

/* Words of titles that name no one thing: kinds of instrument, what they
 * are about, the parties. A title word outside this list (Shimoda,
 * Portsmouth, Molotov) picks its entry out, so its articles hide it. */
static const char * const generic_words[] = {
  "about", "acceptance", "additional", "admission", "against", "aggression", "agreement",
  "agreements", "alliance", "allied", "american", "amity", "anglo", "annexation",
  "arrangement", "assassination", "basic", "battle", "battles", "between", "border",
  "british", "campaign", "ceasefire", "chinese", "commerce", "communist", "concession",
  "concessions", "conference", "contract", "contracts", "convention", "conventions",
  "decision", "declaration", "decree", "delegation", "eastern", "empire", "exchange",
  "first", "fisheries", "fishery", "fourth", "french", "friendship", "from", "frontier",
  "general", "german", "great", "incident", "incorporating", "instrument", "international",
  "internment", "intervention", "into", "invasion", "island", "islands", "japan",
  "japanese", "joint", "landing", "lease", "memorandum", "mission", "nations",
  "navigation", "negotiations", "neutrality", "neutralization", "north", "northern",
  "notice", "occupation", "operation", "pact", "peace", "proposal", "protocol",
  "provisional", "railway", "regulations", "relations", "revolution", "rights", "riots",
  "russia", "russian", "russo", "sale", "second", "secret", "security", "settlement",
  "siege", "sino", "south", "southern", "soviet", "states", "supplementary", "surrender",
  "talks", "territories", "third", "transfer", "treaties", "treaty", "union", "united",
  "with",
};

/* Words a place shares with a title without giving it away: the
 * countries (with the parties' names) and small words. */
static const char * const country_words[] = {
  "about", "against", "american", "anglo", "between", "british", "chinese", "french", "from",
  "german", "into", "italian", "japanese", "korean", "mongolian", "russian", "russo", "sino",
  "soviet", "with",
};

/* Helpers: the builder */

typedef struct
{
  NichiroCardSet *set;
  NichiroDataset *dataset;
  GHashTable *generic;                             /* folded word → itself */
  GHashTable *countries;                           /* folded word → itself */
  GHashTable *plain_names[NICHIRO_N_LANGUAGES];    /* entry → name without its year */
  GHashTable *article_uses;                        /* masked article → how many say it */
  GRegex *year_pattern;
} Builder;

static gboolean
is_common_word (GHashTable *common,
                const char *word)
{
  return g_utf8_strlen (word, -1) < 4 || nichiro_card_text_is_number (word) || g_hash_table_contains (common, word);
}

/* The words of an entry's English title that are not in @common. */
static GPtrArray *
distinctive_words (NichiroEntry *entry,
                   GHashTable   *common)
{
  g_autoptr(GPtrArray) words = nichiro_card_text_split_words (nichiro_entry_get_title (entry));
  GPtrArray *distinctive = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (!is_common_word (common, word))
        g_ptr_array_add (distinctive, g_strdup (word));
    }

  return distinctive;
}

static char *
strip_years (Builder    *builder,
             const char *title)
{
  g_autofree char *stripped = g_regex_replace_literal (builder->year_pattern, title, -1, 0, "", 0, NULL);
  g_auto(GStrv) parts = NULL;

  if (stripped == NULL)
    return g_strdup (title);

  /* Collapse the spaces the year leaves. */
  parts = g_strsplit (g_strstrip (stripped), " ", -1);
  {
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();

    for (guint i = 0; parts[i] != NULL; i++)
      {
        if (parts[i][0] != '\0')
          g_ptr_array_add (kept, parts[i]);
      }
    return nichiro_card_text_join (kept, " ");
  }
}

/* @name followed by the names of @entry's signatories, or %NULL if it has
 * none. */
static char *
name_with_signatories (Builder         *builder,
                       NichiroEntry    *entry,
                       const char      *name,
                       NichiroLanguage  language)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  const NichiroSignatory *signatories;
  guint n_signatories;

  signatories = nichiro_entry_get_signatories (entry, &n_signatories);
  for (guint i = 0; i < n_signatories; i++)
    g_ptr_array_add (people, (gpointer) nichiro_names_get (&signatories[i].name, language));

  if (people->len == 0)
    return NULL;

  joined = nichiro_card_text_join (people, C_("list separator", ", "));
  /* Translators: a treaty's name with who signed it, to tell apart two
   * treaties of the same name: "Treaty of Commerce (Nishi, Lobanov)" */
  return g_strdup_printf (C_("card", "%s (%s)"), name, joined);
}

/* Names for date and order cards, which must not give the year away: the
 * title without its year, or when that is ambiguous an alias in the same
 * script that shares a word with it. */
static void
make_plain_names (Builder *builder)
{
  GListModel *entries = nichiro_dataset_get_entries (builder->dataset);
  guint n_entries = g_list_model_get_n_items (entries);

  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      g_autoptr(GHashTable) uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTable *names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

      builder->plain_names[language] = names;

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          const char *title = nichiro_entry_get_display_title (entry, language);
          char *plain = strip_years (builder, title);

          g_hash_table_insert (uses, g_strdup (plain),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (uses, plain)) + 1));
          g_hash_table_insert (names, entry, plain);
        }

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          const char *title = nichiro_entry_get_display_title (entry, language);
          const char *plain = g_hash_table_lookup (names, entry);
          const char * const *aliases = nichiro_entry_get_aliases (entry);
          const char *choice = NULL;

          if (plain[0] != '\0' && GPOINTER_TO_UINT (g_hash_table_lookup (uses, plain)) == 1)
            continue;

          for (guint a = 0; aliases != NULL && aliases[a] != NULL && choice == NULL; a++)
            {
              if (nichiro_card_text_script (aliases[a]) == nichiro_card_text_script (title) && !nichiro_card_text_has_digit (aliases[a]) &&
                  !g_hash_table_contains (uses, aliases[a]) && nichiro_card_text_names_share_word (aliases[a], title))
                choice = aliases[a];
            }

          if (choice != NULL)
            {
              g_hash_table_insert (names, entry, g_strdup (choice));
              g_hash_table_insert (uses, g_strdup (choice), GUINT_TO_POINTER (1));
            }
          else if (plain[0] == '\0')
            {
              g_hash_table_insert (names, entry, g_strdup (title));
            }
          else if (GPOINTER_TO_UINT (g_hash_table_lookup (uses, plain)) > 1)
            {
              /* Two instruments of one name (the commerce treaties of 1895
               * and 1907 in Japanese): who signed tells them apart without
               * telling when. */
              char *signed_by = name_with_signatories (builder, entry, plain, language);

              if (signed_by != NULL)
                g_hash_table_insert (names, entry, signed_by);
            }
        }
    }
}

static const char *
plain_name (Builder         *builder,
            NichiroEntry    *entry,
            NichiroLanguage  language)
{
  return g_hash_table_lookup (builder->plain_names[language], entry);
}

static void
add_card (Builder     *builder,
          NichiroCard *card)
{
  _nichiro_card_set_add (builder->set, card);
}

static char *
format_dates_detail (NichiroEntry *entry)
{
  const NichiroDate *date = nichiro_entry_get_date (entry);
  const NichiroDate *old_style = nichiro_entry_get_date_old_style (entry);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *text;

  if (nichiro_date_is_set (old_style))
    {
      text = nichiro_date_format_old_style (old_style, NULL);
      if (text != NULL)
        g_ptr_array_add (parts, text);
    }

  text = nichiro_date_format_japanese_era (date, nichiro_date_use_japanese_script ());
  if (text != NULL)
    g_ptr_array_add (parts, text);

  if (parts->len == 0)
    return NULL;

  return nichiro_card_text_join (parts, " · ");
}

/* Helpers: the card types */

static void
add_date_card (Builder      *builder,
               NichiroEntry *entry)
{
  const NichiroDate *date = nichiro_entry_get_date (entry);
  gboolean instrument = nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry));
  gboolean range = nichiro_date_is_set (nichiro_entry_get_end_date (entry)) &&
                   nichiro_date_compare (date, nichiro_entry_get_end_date (entry)) != 0;
  NichiroCard *card;

  if (!nichiro_date_is_set (date))
    return;

  card = _nichiro_card_new (NICHIRO_CARD_TYPE_DATE, g_strconcat ("date:", nichiro_entry_get_id (entry), NULL), entry);
  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      const char *name = plain_name (builder, entry, language);

      char *prompt;

      if (instrument)
        prompt = g_strdup_printf (_("When was “%s” signed?"), name);
      else if (range)
        prompt = g_strdup_printf (_("When did “%s” begin?"), name);
      else
        prompt = g_strdup_printf (_("When did “%s” happen?"), name);
      _nichiro_card_take_texts (card, language, prompt, nichiro_date_format (date), format_dates_detail (entry));
    }

  add_card (builder, card);
}

static void
add_place_card (Builder      *builder,
                NichiroEntry *entry)
{
  const char *place = nichiro_entry_get_place (entry);
  gboolean instrument = nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry));
  g_autoptr(GPtrArray) title_words = NULL;
  g_autoptr(GPtrArray) place_words = NULL;
  NichiroCard *card;

  if (place == NULL || place[0] == '\0')
    return;

  /* "Where was the Treaty of Portsmouth signed?" asks nothing. */
  title_words = distinctive_words (entry, builder->countries);
  place_words = nichiro_card_text_split_words (place);
  for (guint i = 0; i < title_words->len; i++)
    {
      for (guint j = 0; j < place_words->len; j++)
        {
          if (nichiro_card_text_same_word (g_ptr_array_index (title_words, i), g_ptr_array_index (place_words, j)))
            return;
        }
    }

  /* Nor does "Where did the Allied occupation of Japan happen?" when the
   * place begins "Japan;": its first part is all in the title. */
  {
    g_autofree char *first = g_strndup (place, strcspn (place, ",;:("));
    g_autoptr(GPtrArray) first_words = nichiro_card_text_split_words (first);
    g_autoptr(GPtrArray) all_title_words = nichiro_card_text_split_words (nichiro_entry_get_title (entry));
    gboolean all_in_title = first_words->len > 0;

    for (guint i = 0; i < first_words->len && all_in_title; i++)
      all_in_title = g_ptr_array_find_with_equal_func (all_title_words, g_ptr_array_index (first_words, i),
                                                       g_str_equal, NULL);
    if (all_in_title)
      return;
  }

  card = _nichiro_card_new (NICHIRO_CARD_TYPE_PLACE, g_strconcat ("place:", nichiro_entry_get_id (entry), NULL), entry);
  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      const char *title = nichiro_entry_get_display_title (entry, language);

      char *prompt;

      if (instrument)
        prompt = g_strdup_printf (_("Where was “%s” signed?"), title);
      else
        prompt = g_strdup_printf (_("Where did “%s” happen?"), title);
      _nichiro_card_take_texts (card, language, prompt, g_strdup (place), NULL);
    }

  add_card (builder, card);
}

/* The parts of a person's name a title might use: words of two letters
 * and more in the Latin and Cyrillic names; in the Japanese one, the
 * parts between dots, or for a name in kanji its first two, the usual
 * length of a family name. */
static void
add_name_parts (GPtrArray          *parts,
                const NichiroNames *name)
{
  const char *latin[] = { name->en, name->ru };

  for (guint i = 0; i < G_N_ELEMENTS (latin); i++)
    {
      g_autoptr(GPtrArray) words = NULL;

      if (latin[i] == NULL)
        continue;

      words = nichiro_card_text_split_words (latin[i]);
      for (guint w = 0; w < words->len; w++)
        {
          if (g_utf8_strlen (g_ptr_array_index (words, w), -1) >= 3)
            g_ptr_array_add (parts, g_strdup (g_ptr_array_index (words, w)));
        }
    }

  if (name->ja != NULL)
    {
      g_auto(GStrv) pieces = g_strsplit_set (name->ja, "・･ 　", -1);

      if (g_strv_length (pieces) > 1)
        {
          for (guint i = 0; pieces[i] != NULL; i++)
            {
              if (g_utf8_strlen (pieces[i], -1) >= 2)
                g_ptr_array_add (parts, g_strdup (pieces[i]));
            }
        }
      else if (g_utf8_strlen (name->ja, -1) >= 3 &&
               g_unichar_get_script (g_utf8_get_char (name->ja)) == G_UNICODE_SCRIPT_HAN)
        {
          g_ptr_array_add (parts, g_strndup (name->ja, g_utf8_offset_to_pointer (name->ja, 2) - name->ja));
        }
      else
        {
          g_ptr_array_add (parts, g_strdup (name->ja));
        }
    }
}

static gboolean
title_names_any (NichiroEntry *entry,
                 GPtrArray    *parts)
{
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const char *texts[] = { titles->en, titles->ja, titles->ru };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree char *folded = NULL;

      if (texts[t] == NULL)
        continue;

      /* Substrings: Russian titles decline names ("Лобанова"). Folded as
       * the parts are, so that "Tōgō–Molotov" names Tōgō. */
      folded = nichiro_text_fold (texts[t]);
      for (guint i = 0; i < parts->len; i++)
        {
          g_autofree char *part = g_utf8_casefold (g_ptr_array_index (parts, i), -1);

          if (strstr (folded, part) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static void
add_signatory_cards (Builder      *builder,
                     NichiroEntry *entry)
{
  const NichiroSignatory *signatories;
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();
  guint n;

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      if (signatories[i].side != NULL &&
          !g_ptr_array_find_with_equal_func (sides, signatories[i].side, g_str_equal, NULL))
        g_ptr_array_add (sides, signatories[i].side);
    }

  for (guint s = 0; s < sides->len; s++)
    {
      const char *side = g_ptr_array_index (sides, s);
      const NichiroState *state = nichiro_dataset_lookup_state (builder->dataset, side);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      NichiroCard *card;

      for (guint i = 0; i < n; i++)
        {
          if (g_strcmp0 (signatories[i].side, side) == 0)
            add_name_parts (parts, &signatories[i].name);
        }

      /* "Who signed the Komura–Weber Memorandum for Japan?" asks nothing. */
      if (title_names_any (entry, parts))
        continue;

      card = _nichiro_card_new (NICHIRO_CARD_TYPE_SIGNATORIES,
                       g_strconcat ("signatories:", nichiro_entry_get_id (entry), ":", side, NULL), entry);
      for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < n; i++)
            {
              const char *name;

              if (g_strcmp0 (signatories[i].side, side) != 0)
                continue;

              name = nichiro_names_get (&signatories[i].name, language);
              g_ptr_array_add (names, (char *) name);
              if (signatories[i].office != NULL)
                g_ptr_array_add (offices, g_strdup_printf ("%s, %s", name, signatories[i].office));
            }

          _nichiro_card_take_texts (card, language,
                                    g_strdup_printf (_("Who signed “%s” for %s?"),
                                                     nichiro_entry_get_display_title (entry, language),
                                                     state != NULL ? nichiro_names_get (&state->name, language) : side),
                                    /* Translators: between the names of a list, as in
                                     * "Komura Jutaro, Takahira Kogoro" */
                                    nichiro_card_text_join (names, C_("list separator", ", ")),
                                    offices->len > 0 ? nichiro_card_text_join (offices, "\n") : NULL);
        }

      add_card (builder, card);
    }
}

/* @text with every name of @entry, and every word of its title that picks
 * it out, replaced by "[…]"; NULL when too little is left to go on. */
static char *
mask_instrument (Builder      *builder,
                 NichiroEntry *entry,
                 const char   *text)
{
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const char * const *aliases = nichiro_entry_get_aliases (entry);
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *masked = NULL;
  guint left;

  if (titles->en != NULL)
    g_ptr_array_add (needles, g_strdup (titles->en));
  if (titles->ja != NULL)
    g_ptr_array_add (needles, g_strdup (titles->ja));
  if (titles->ru != NULL)
    g_ptr_array_add (needles, g_strdup (titles->ru));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    g_ptr_array_add (needles, g_strdup (aliases[i]));
  g_ptr_array_extend_and_steal (needles, distinctive_words (entry, builder->generic));

  masked = nichiro_card_text_mask (text, needles, &left);

  /* A dozen letters is about the least a clue can be. */
  if (left < 12)
    return NULL;

  return g_steal_pointer (&masked);
}

static void
add_article_cards (Builder      *builder,
                   NichiroEntry *entry)
{
  const NichiroArticle *articles;
  g_autofree char *date = NULL;
  guint n;

  if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
    return;

  articles = nichiro_entry_get_articles (entry, &n);
  date = nichiro_date_format (nichiro_entry_get_date (entry));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *masked = NULL;
      NichiroCard *card;

      if (articles[i].text == NULL || articles[i].number == NULL)
        continue;

      /* "The convention is to be kept strictly secret" says nothing of
       * which convention when several say it. */
      masked = mask_instrument (builder, entry, articles[i].text);
      if (masked == NULL || GPOINTER_TO_UINT (g_hash_table_lookup (builder->article_uses, masked)) > 1)
        continue;

      card = _nichiro_card_new (NICHIRO_CARD_TYPE_ARTICLE,
                       g_strconcat ("article:", nichiro_entry_get_id (entry), ":",
                                    articles[i].secret ? "secret-" : "", articles[i].number, NULL),
                       entry);
      for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
        {
          const char *label = articles[i].secret ? _("Secret article ") : _("Article ");

          char *prompt;
          char *detail;

          if (articles[i].secret)
            prompt = g_strdup_printf (_("Which instrument says this in a secret article?\n“%s”"), masked);
          else
            prompt = g_strdup_printf (_("Which instrument says this?\n“%s”"), masked);
          if (date != NULL)
            detail = g_strdup_printf ("%s%s · %s", label, articles[i].number, date);
          else
            detail = g_strconcat (label, articles[i].number, NULL);
          _nichiro_card_take_texts (card, language, prompt,
                                    g_strdup (nichiro_entry_get_display_title (entry, language)), detail);
        }

      add_card (builder, card);
    }
}

/* Compares two dates as far as both are known: -1 or 1 when one is
 * surely first, 0 when they are the same, 2 when it cannot be told
 * ("1905" and "1905-09-05"). */
static int
compare_known (const NichiroDate *a,
               const NichiroDate *b)
{
  NichiroDatePrecision common = MIN (a->precision, b->precision);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (common >= NICHIRO_DATE_PRECISION_MONTH && a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (common >= NICHIRO_DATE_PRECISION_DAY && a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if (a->precision != b->precision)
    return 2;

  return 0;
}

static char *
name_with_date (const char   *name,
                NichiroEntry *entry)
{
  g_autofree char *date = nichiro_date_format (nichiro_entry_get_date (entry));

  return g_strdup_printf ("%s — %s", name, date != NULL ? date : "");
}

static void
add_order_card (Builder      *builder,
                NichiroEntry *entry,
                NichiroEntry *next)
{
  NichiroEntry *choices[2];
  int order;
  NichiroCard *card;

  if (next == NULL)
    return;

  if (!nichiro_date_is_set (nichiro_entry_get_date (entry)) || !nichiro_date_is_set (nichiro_entry_get_date (next)))
    return;

  order = compare_known (nichiro_entry_get_date (entry), nichiro_entry_get_date (next));
  if (order == 2)
    return;

  /* Offered in the order of their ids, which says nothing of their dates. */
  if (strcmp (nichiro_entry_get_id (entry), nichiro_entry_get_id (next)) < 0)
    {
      choices[0] = entry;
      choices[1] = next;
    }
  else
    {
      choices[0] = next;
      choices[1] = entry;
      order = -order;
    }

  card = _nichiro_card_new (NICHIRO_CARD_TYPE_ORDER,
                   g_strconcat ("order:", nichiro_entry_get_id (choices[0]), ":",
                                nichiro_entry_get_id (choices[1]), NULL),
                   order > 0 ? choices[1] : choices[0]);
  _nichiro_card_add_entry (card, nichiro_card_get_entry (card) == choices[0] ? choices[1] : choices[0]);
  _nichiro_card_set_choices (card, choices[0], order <= 0, choices[1], order >= 0);

  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      const char *first = plain_name (builder, choices[0], language);
      const char *second = plain_name (builder, choices[1], language);
      g_autofree char *first_line = name_with_date (first, choices[0]);
      g_autofree char *second_line = name_with_date (second, choices[1]);

      char *answer;

      if (order == 0)
        answer = g_strdup (_("They have the same date: either answer is right."));
      else
        answer = g_strdup_printf (_("“%s” came first."), order < 0 ? first : second);
      _nichiro_card_take_texts (card, language,
                                g_strdup_printf (_("Which came first: “%s” or “%s”?"), first, second),
                                answer, g_strdup_printf ("%s\n%s", first_line, second_line));
    }

  add_card (builder, card);
}

static void
add_successor_card (Builder         *builder,
                    NichiroEntry    *target,
                    NichiroRelation  relation,
                    GPtrArray       *sources)
{
  NichiroCard *card;

  if (sources == NULL || sources->len == 0)
    return;

  card = _nichiro_card_new (NICHIRO_CARD_TYPE_SUCCESSOR,
                   g_strconcat (relation == NICHIRO_RELATION_SUPERSEDES ? "replaced:" : "ended:",
                                nichiro_entry_get_id (target), NULL),
                   g_ptr_array_index (sources, 0));
  for (guint i = 1; i < sources->len; i++)
    _nichiro_card_add_entry (card, g_ptr_array_index (sources, i));
  _nichiro_card_add_entry (card, target);

  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      const char *title = nichiro_entry_get_display_title (target, language);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < sources->len; i++)
        {
          NichiroEntry *source = g_ptr_array_index (sources, i);
          const char *name = nichiro_entry_get_display_title (source, language);

          g_ptr_array_add (names, (char *) name);
          g_ptr_array_add (lines, name_with_date (name, source));
        }

      char *prompt;

      if (relation == NICHIRO_RELATION_SUPERSEDES)
        prompt = g_strdup_printf (_("What replaced “%s”?"), title);
      else
        prompt = g_strdup_printf (_("What ended “%s”?"), title);
      _nichiro_card_take_texts (card, language, prompt,
                                nichiro_card_text_join (names, C_("list separator", ", ")),
                                nichiro_card_text_join (lines, "\n"));
    }

  add_card (builder, card);
}

static void
build (Builder *builder)
{
  GListModel *entries = nichiro_dataset_get_entries (builder->dataset);
  guint n_entries = g_list_model_get_n_items (entries);
  g_autoptr(GHashTable) next_in_part = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) last_in_part = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) replaced_by = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) ended_by = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);

  make_plain_names (builder);

  /* Entries come in date order: pair each with the next of its part, and
   * gather who replaced and ended whom, earliest first. */
  for (guint i = 0; i < n_entries; i++)
    {
      NichiroEntry *entry = g_list_model_get_item (entries, i);
      const char *part = nichiro_entry_get_part (entry);
      NichiroEntry *previous = part != NULL ? g_hash_table_lookup (last_in_part, part) : NULL;
      const NichiroRelated *related;
      guint n_related;

      if (previous != NULL)
        g_hash_table_insert (next_in_part, previous, entry);
      if (part != NULL)
        g_hash_table_insert (last_in_part, (char *) part, entry);

      related = nichiro_entry_get_related (entry, &n_related);
      for (guint r = 0; r < n_related; r++)
        {
          NichiroEntry *target = nichiro_dataset_lookup_entry (builder->dataset, related[r].id);
          GHashTable *table;
          GPtrArray *sources;

          if (related[r].relation == NICHIRO_RELATION_SUPERSEDES)
            table = replaced_by;
          else if (related[r].relation == NICHIRO_RELATION_RENOUNCES)
            table = ended_by;
          else
            continue;

          if (target == NULL || target == entry)
            continue;

          sources = g_hash_table_lookup (table, target);
          if (sources == NULL)
            {
              sources = g_ptr_array_new ();
              g_hash_table_insert (table, target, sources);
            }
          if (!g_ptr_array_find (sources, entry, NULL))
            g_ptr_array_add (sources, entry);
        }

      /* The dataset holds its entries: the borrowed pointers stay valid. */
      g_object_unref (entry);
    }

  builder->article_uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      const NichiroArticle *articles;
      guint n_articles;

      if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
        continue;

      articles = nichiro_entry_get_articles (entry, &n_articles);
      for (guint a = 0; a < n_articles; a++)
        {
          char *masked = articles[a].text != NULL ? mask_instrument (builder, entry, articles[a].text) : NULL;

          if (masked != NULL)
            g_hash_table_insert (builder->article_uses, masked,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (builder->article_uses,
                                                                                          masked)) + 1));
        }
    }

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      add_date_card (builder, entry);
      add_place_card (builder, entry);
      add_signatory_cards (builder, entry);
      add_article_cards (builder, entry);
      add_order_card (builder, entry, g_hash_table_lookup (next_in_part, entry));
      add_successor_card (builder, entry, NICHIRO_RELATION_SUPERSEDES, g_hash_table_lookup (replaced_by, entry));
      add_successor_card (builder, entry, NICHIRO_RELATION_RENOUNCES, g_hash_table_lookup (ended_by, entry));
    }
}

/**
 * _nichiro_card_set_build:
 * @set: a new, empty card set
 * @dataset: the dataset it is made from
 *
 * Makes every card @dataset gives and adds it to @set, in a fixed order:
 * entries by date, and for each its date, place, signatories, articles,
 * its pairing with the next entry of its part, and what replaced or ended
 * it.
 */
void
_nichiro_card_set_build (NichiroCardSet *set,
                         NichiroDataset *dataset)
{
  const NichiroState *states;
  Builder builder = { 0, };
  guint n_states;

  builder.set = set;
  builder.dataset = dataset;
  builder.generic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.year_pattern = g_regex_new ("\\s*(?:\\bof\\s+)?[(（]?\\d{4}(?:\\s*[–—-]\\s*\\d{2,4})?"
                                      "(?:\\s*(?:年|года|годов))?[)）]?",
                                      G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (builder.year_pattern != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (generic_words); i++)
    g_hash_table_add (builder.generic, g_strdup (generic_words[i]));
  for (guint i = 0; i < G_N_ELEMENTS (country_words); i++)
    g_hash_table_add (builder.countries, g_strdup (country_words[i]));

  /* The parties' names ("Union of Soviet Socialist Republics") name no
   * one entry either. */
  states = nichiro_dataset_get_states (dataset, &n_states);
  for (guint i = 0; i < n_states; i++)
    {
      g_autoptr(GPtrArray) words = nichiro_card_text_split_words (states[i].name.en);

      for (guint w = 0; w < words->len; w++)
        {
          g_hash_table_add (builder.generic, g_strdup (g_ptr_array_index (words, w)));
          g_hash_table_add (builder.countries, g_strdup (g_ptr_array_index (words, w)));
        }
    }

  build (&builder);

  g_hash_table_unref (builder.generic);
  g_hash_table_unref (builder.countries);
  g_clear_pointer (&builder.article_uses, g_hash_table_unref);
  g_regex_unref (builder.year_pattern);
  for (guint i = 0; i < NICHIRO_N_LANGUAGES; i++)
    g_clear_pointer (&builder.plain_names[i], g_hash_table_unref);

}
