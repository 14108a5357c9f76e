/* nichiro-card.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-card"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-card-private.h"

/* One self-test card: its id, type and part, the entries it is about, and
 * its prompt, answer and what follows the answer in each title language.
 * NichiroCardSet makes them; they do not change after. */

struct _NichiroCard
{
  GObject parent_instance;

  char *id;
  NichiroCardType type;
  char *part;
  NichiroEntry *entry;
  GPtrArray *entries;
  char *prompt[NICHIRO_N_LANGUAGES];
  char *answer[NICHIRO_N_LANGUAGES];
  char *detail[NICHIRO_N_LANGUAGES];
  guint n_choices;
  NichiroEntry *choices[2];      /* held by entries */
  gboolean correct[2];
};

G_DEFINE_FINAL_TYPE (NichiroCard, nichiro_card, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *label;
} card_types[NICHIRO_N_CARD_TYPES] = {
  [NICHIRO_CARD_TYPE_DATE] = { "date", N_("When") },
  [NICHIRO_CARD_TYPE_PLACE] = { "place", N_("Where") },
  [NICHIRO_CARD_TYPE_SIGNATORIES] = { "signatories", N_("Who signed") },
  [NICHIRO_CARD_TYPE_ARTICLE] = { "article", N_("Which instrument") },
  [NICHIRO_CARD_TYPE_ORDER] = { "order", N_("Which came first") },
  [NICHIRO_CARD_TYPE_SUCCESSOR] = { "successor", N_("What came after") },
};

/* GObject */

static void
nichiro_card_finalize (GObject *object)
{
  NichiroCard *self = NICHIRO_CARD (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->part, g_free);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  for (guint i = 0; i < NICHIRO_N_LANGUAGES; i++)
    {
      g_clear_pointer (&self->prompt[i], g_free);
      g_clear_pointer (&self->answer[i], g_free);
      g_clear_pointer (&self->detail[i], g_free);
    }

  G_OBJECT_CLASS (nichiro_card_parent_class)->finalize (object);
}

static void
nichiro_card_class_init (NichiroCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nichiro_card_finalize;
}

static void
nichiro_card_init (NichiroCard *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API: card types */

/**
 * nichiro_card_type_to_string:
 * @type: a card type
 *
 * Returns: the type's name in card ids and files: `date`, `place`,
 *   `signatories`, `article`, `order` or `successor`
 */
const char *
nichiro_card_type_to_string (NichiroCardType type)
{
  g_return_val_if_fail (type < NICHIRO_N_CARD_TYPES, NULL);

  return card_types[type].name;
}

gboolean
nichiro_card_type_from_string (const char      *text,
                               NichiroCardType *out_type)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < NICHIRO_N_CARD_TYPES; i++)
    {
      if (g_str_equal (text, card_types[i].name))
        {
          if (out_type != NULL)
            *out_type = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nichiro_card_type_get_label:
 * @type: a card type
 *
 * Returns: what the type asks, for people ("When", "Who signed")
 */
const char *
nichiro_card_type_get_label (NichiroCardType type)
{
  g_return_val_if_fail (type < NICHIRO_N_CARD_TYPES, NULL);

  return _(card_types[type].label);
}

/* Public API: cards */

/**
 * nichiro_card_get_id:
 * @self: a card
 *
 * Returns: the card's id, made from its type, its entry and what picks it
 *   out among that entry's cards; the same in every dataset version that
 *   gives the card
 */
const char *
nichiro_card_get_id (NichiroCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);

  return self->id;
}

NichiroCardType
nichiro_card_get_card_type (NichiroCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NICHIRO_CARD_TYPE_DATE);

  return self->type;
}

/**
 * nichiro_card_get_part:
 * @self: a card
 *
 * Returns: the id of the chapter part the card belongs to: its entry's
 */
const char *
nichiro_card_get_part (NichiroCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);

  return self->part;
}

/**
 * nichiro_card_get_entry:
 * @self: a card
 *
 * Returns: (transfer none): the entry to open after the answer: the one
 *   asked about, the one that came first, or the one that replaced
 */
NichiroEntry *
nichiro_card_get_entry (NichiroCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);

  return self->entry;
}

/**
 * nichiro_card_get_entries:
 * @self: a card
 *
 * Returns: (transfer none) (element-type NichiroEntry): every entry the
 *   card is about, its own entry first
 */
GPtrArray *
nichiro_card_get_entries (NichiroCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);

  return self->entries;
}

/**
 * nichiro_card_get_prompt:
 * @self: a card
 * @language: the language of entry titles
 *
 * Returns: the question, naming entries in @language
 */
const char *
nichiro_card_get_prompt (NichiroCard     *self,
                         NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);
  g_return_val_if_fail (language < NICHIRO_N_LANGUAGES, NULL);

  return self->prompt[language];
}

/**
 * nichiro_card_get_answer:
 * @self: a card
 * @language: the language of entry titles
 *
 * Returns: the answer: a date, a place, names or titles
 */
const char *
nichiro_card_get_answer (NichiroCard     *self,
                         NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);
  g_return_val_if_fail (language < NICHIRO_N_LANGUAGES, NULL);

  return self->answer[language];
}

/**
 * nichiro_card_get_answer_detail:
 * @self: a card
 * @language: the language of entry titles
 *
 * Returns: (nullable): what to show after the answer: the Old Style date
 *   and the Japanese era of a date, the signatories' offices, the article
 *   and its date, the dates of both entries
 */
const char *
nichiro_card_get_answer_detail (NichiroCard     *self,
                                NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);
  g_return_val_if_fail (language < NICHIRO_N_LANGUAGES, NULL);

  return self->detail[language];
}

/**
 * nichiro_card_get_n_choices:
 * @self: a card
 *
 * Returns: how many entries the learner chooses between: 2 for "which came
 *   first", 0 for cards answered from memory
 */
guint
nichiro_card_get_n_choices (NichiroCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), 0);

  return self->n_choices;
}

NichiroEntry *
nichiro_card_get_choice (NichiroCard *self,
                         guint        index)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), NULL);
  g_return_val_if_fail (index < self->n_choices, NULL);

  return self->choices[index];
}

/**
 * nichiro_card_is_choice_correct:
 * @self: a card with choices
 * @index: a choice
 *
 * Returns: whether choosing @index is right; when both entries have the
 *   same date, either is
 */
gboolean
nichiro_card_is_choice_correct (NichiroCard *self,
                                guint        index)
{
  g_return_val_if_fail (NICHIRO_IS_CARD (self), FALSE);
  g_return_val_if_fail (index < self->n_choices, FALSE);

  return self->correct[index];
}

/* Private API */

NichiroCard *
_nichiro_card_new (NichiroCardType  type,
                   char            *id,
                   NichiroEntry    *entry)
{
  NichiroCard *card = g_object_new (NICHIRO_TYPE_CARD, NULL);

  card->type = type;
  card->id = id;
  card->entry = g_object_ref (entry);
  card->part = g_strdup (nichiro_entry_get_part (entry));
  g_ptr_array_add (card->entries, g_object_ref (entry));

  return card;
}

void
_nichiro_card_add_entry (NichiroCard  *self,
                         NichiroEntry *entry)
{
  g_ptr_array_add (self->entries, g_object_ref (entry));
}

void
_nichiro_card_take_texts (NichiroCard     *self,
                          NichiroLanguage  language,
                          char            *prompt,
                          char            *answer,
                          char            *detail)
{
  g_free (self->prompt[language]);
  g_free (self->answer[language]);
  g_free (self->detail[language]);
  self->prompt[language] = prompt;
  self->answer[language] = answer;
  self->detail[language] = detail;
}

/* The choices must be entries of the card. */
void
_nichiro_card_set_choices (NichiroCard  *self,
                           NichiroEntry *first,
                           gboolean      first_correct,
                           NichiroEntry *second,
                           gboolean      second_correct)
{
  g_assert (g_ptr_array_find (self->entries, first, NULL));
  g_assert (g_ptr_array_find (self->entries, second, NULL));

  self->n_choices = 2;
  self->choices[0] = first;
  self->choices[1] = second;
  self->correct[0] = first_correct;
  self->correct[1] = second_correct;
}
