/* nichiro-search-hit.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search-hit"

#include "config.h"

#include "nichiro-search-hit.h"

/* One search result as a list item, so a GListModel of results can feed a
 * list view and its rows can show what matched. */

struct _NichiroSearchHit
{
  GObject parent_instance;

  NichiroEntry *entry;
  double score;
  const char *title;        /* owned by the entry */
  GArray *title_ranges;
  char *snippet;
  GArray *snippet_ranges;
};

G_DEFINE_FINAL_TYPE (NichiroSearchHit, nichiro_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GArray *
copy_ranges (GArray *ranges)
{
  return ranges ? g_array_copy (ranges) : g_array_new (FALSE, FALSE, sizeof (NichiroRange));
}

static void
nichiro_search_hit_finalize (GObject *object)
{
  NichiroSearchHit *self = (NichiroSearchHit *)object;

  g_clear_object (&self->entry);
  g_clear_pointer (&self->title_ranges, g_array_unref);
  g_clear_pointer (&self->snippet_ranges, g_array_unref);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (nichiro_search_hit_parent_class)->finalize (object);
}

static void
nichiro_search_hit_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NichiroSearchHit *self = NICHIRO_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_search_hit_class_init (NichiroSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_search_hit_finalize;
  object_class->get_property = nichiro_search_hit_get_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_search_hit_init (NichiroSearchHit *self)
{
}

/**
 * nichiro_search_hit_new:
 * @result: a search result
 *
 * Returns: (transfer full): a list item holding a copy of @result
 */
NichiroSearchHit *
nichiro_search_hit_new (const NichiroSearchResult *result)
{
  NichiroSearchHit *self;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (NICHIRO_TYPE_SEARCH_HIT, NULL);
  self->entry = g_object_ref (result->entry);
  self->score = result->score;
  self->title = result->title;
  self->title_ranges = copy_ranges (result->title_ranges);
  self->snippet = g_strdup (result->snippet);
  self->snippet_ranges = copy_ranges (result->snippet_ranges);

  return self;
}

/**
 * nichiro_search_hit_get_entry:
 * @self: a hit
 *
 * Returns: (transfer none): the entry found
 */
NichiroEntry *
nichiro_search_hit_get_entry (NichiroSearchHit *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HIT (self), NULL);

  return self->entry;
}

double
nichiro_search_hit_get_score (NichiroSearchHit *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HIT (self), 0.0);

  return self->score;
}

/**
 * nichiro_search_hit_get_title:
 * @self: a hit
 *
 * Returns: the entry's title in the language the search was run with
 */
const char *
nichiro_search_hit_get_title (NichiroSearchHit *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

/**
 * nichiro_search_hit_get_title_ranges:
 * @self: a hit
 *
 * Returns: (transfer none) (element-type NichiroRange): what matched in
 *   the English title
 */
const GArray *
nichiro_search_hit_get_title_ranges (NichiroSearchHit *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HIT (self), NULL);

  return self->title_ranges;
}

/**
 * nichiro_search_hit_get_snippet:
 * @self: a hit
 *
 * Returns: (nullable): an excerpt around the best match outside the title
 */
const char *
nichiro_search_hit_get_snippet (NichiroSearchHit *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

/**
 * nichiro_search_hit_get_snippet_ranges:
 * @self: a hit
 *
 * Returns: (transfer none) (element-type NichiroRange): what matched in
 *   the snippet
 */
const GArray *
nichiro_search_hit_get_snippet_ranges (NichiroSearchHit *self)
{
  g_return_val_if_fail (NICHIRO_IS_SEARCH_HIT (self), NULL);

  return self->snippet_ranges;
}
