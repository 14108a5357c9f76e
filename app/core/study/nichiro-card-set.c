/* nichiro-card-set.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-card-set"

#include "config.h"

#include "nichiro-card-set.h"

#include "nichiro-card-private.h"

/* Self-test cards made from the dataset, never typed by hand: every answer
 * is a field of an entry, and no prompt holds its own answer. Titles that
 * carry their year lose it on date and order cards (an alias such as
 * "First Russo-Japanese Agreement" stands in when the bare title would be
 * ambiguous); a key article hides every name of its instrument; a place or
 * a signatory the title already names gives no card at all.
 *
 * A card's id is its type, its entry and what else picks it out
 * ("signatories:portsmouth-1905:japan"), so that a learner's progress
 * follows the card across dataset updates. The prompts and answers are
 * made once, in each title language, by nichiro-card-build.c; this file
 * holds them as a list model and picks them out. */

struct _NichiroCardSet
{
  GObject parent_instance;

  NichiroDataset *dataset;
  GPtrArray *cards;
  GHashTable *by_id;
  guint counts[NICHIRO_N_CARD_TYPES];
};

static void nichiro_card_set_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NichiroCardSet, nichiro_card_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nichiro_card_set_list_model_init))

/* GListModel */

static GType
nichiro_card_set_get_item_type (GListModel *model)
{
  return NICHIRO_TYPE_CARD;
}

static guint
nichiro_card_set_get_n_items (GListModel *model)
{
  return NICHIRO_CARD_SET (model)->cards->len;
}

static gpointer
nichiro_card_set_get_item (GListModel *model,
                           guint       position)
{
  NichiroCardSet *self = NICHIRO_CARD_SET (model);

  if (position >= self->cards->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->cards, position));
}

static void
nichiro_card_set_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nichiro_card_set_get_item_type;
  iface->get_n_items = nichiro_card_set_get_n_items;
  iface->get_item = nichiro_card_set_get_item;
}

/* GObject */

static void
nichiro_card_set_finalize (GObject *object)
{
  NichiroCardSet *self = NICHIRO_CARD_SET (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (nichiro_card_set_parent_class)->finalize (object);
}

static void
nichiro_card_set_class_init (NichiroCardSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nichiro_card_set_finalize;
}

static void
nichiro_card_set_init (NichiroCardSet *self)
{
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Adds @card, made by _nichiro_card_set_build(), unless a card of its id
 * is there already. */
void
_nichiro_card_set_add (NichiroCardSet *self,
                       NichiroCard    *card)
{
  /* Ids are unique by construction; a dataset that breaks that (two
   * articles of one number and kind) keeps the first card. */
  const char *id = nichiro_card_get_id (card);

  if (g_hash_table_contains (self->by_id, id))
    {
      g_object_unref (card);
      return;
    }

  g_hash_table_insert (self->by_id, (char *) id, card);
  g_ptr_array_add (self->cards, card);
  self->counts[nichiro_card_get_card_type (card)]++;
}

/* Public API: the card set */

/**
 * nichiro_card_set_new:
 * @dataset: a dataset
 *
 * Makes every card @dataset gives, in a fixed order: entries by date, and
 * for each its date, place, signatories, articles, its pairing with the
 * next entry of its part, and what replaced or ended it.
 *
 * Returns: (transfer full): the cards, as a #GListModel of #NichiroCard
 */
NichiroCardSet *
nichiro_card_set_new (NichiroDataset *dataset)
{
  NichiroCardSet *self;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  self = g_object_new (NICHIRO_TYPE_CARD_SET, NULL);
  self->dataset = g_object_ref (dataset);
  _nichiro_card_set_build (self, dataset);

  return self;
}

/**
 * nichiro_card_set_get_dataset:
 * @self: a card set
 *
 * Returns: (transfer none): the dataset the cards come from
 */
NichiroDataset *
nichiro_card_set_get_dataset (NichiroCardSet *self)
{
  g_return_val_if_fail (NICHIRO_IS_CARD_SET (self), NULL);

  return self->dataset;
}

/**
 * nichiro_card_set_lookup:
 * @self: a card set
 * @id: a card id
 *
 * Returns: (transfer none) (nullable): the card with @id, or %NULL when
 *   this dataset gives no such card
 */
NichiroCard *
nichiro_card_set_lookup (NichiroCardSet *self,
                         const char     *id)
{
  g_return_val_if_fail (NICHIRO_IS_CARD_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * nichiro_card_set_count:
 * @self: a card set
 * @type: a card type
 *
 * Returns: how many cards of @type the set has
 */
guint
nichiro_card_set_count (NichiroCardSet  *self,
                        NichiroCardType  type)
{
  g_return_val_if_fail (NICHIRO_IS_CARD_SET (self), 0);
  g_return_val_if_fail (type < NICHIRO_N_CARD_TYPES, 0);

  return self->counts[type];
}

/**
 * nichiro_card_set_select_parts:
 * @self: a card set
 * @parts: (nullable) (array zero-terminated=1): chapter part ids; %NULL
 *   for all
 *
 * Returns: (transfer container) (element-type NichiroCard): the cards of
 *   those parts, in the set's order
 */
GPtrArray *
nichiro_card_set_select_parts (NichiroCardSet     *self,
                               const char * const *parts)
{
  GPtrArray *selected;

  g_return_val_if_fail (NICHIRO_IS_CARD_SET (self), NULL);

  selected = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->cards->len; i++)
    {
      NichiroCard *card = g_ptr_array_index (self->cards, i);

      if (parts == NULL || g_strv_contains (parts, nichiro_card_get_part (card)))
        g_ptr_array_add (selected, g_object_ref (card));
    }

  return selected;
}

/**
 * nichiro_card_set_select_entries:
 * @self: a card set
 * @entry_ids: (element-type utf8 utf8): a set of entry ids, such as the
 *   entries the reader has marked studied
 *
 * Returns: (transfer container) (element-type NichiroCard): the cards all
 *   of whose entries are in @entry_ids, in the set's order
 */
GPtrArray *
nichiro_card_set_select_entries (NichiroCardSet *self,
                                 GHashTable     *entry_ids)
{
  GPtrArray *selected;

  g_return_val_if_fail (NICHIRO_IS_CARD_SET (self), NULL);
  g_return_val_if_fail (entry_ids != NULL, NULL);

  selected = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->cards->len; i++)
    {
      NichiroCard *card = g_ptr_array_index (self->cards, i);
      GPtrArray *entries = nichiro_card_get_entries (card);
      gboolean all = TRUE;

      for (guint e = 0; e < entries->len && all; e++)
        all = g_hash_table_contains (entry_ids, nichiro_entry_get_id (g_ptr_array_index (entries, e)));

      if (all)
        g_ptr_array_add (selected, g_object_ref (card));
    }

  return selected;
}
