/* nichiro-entry-keywords.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry"

#include "config.h"

#include "nichiro-entry-private.h"

#include <glib/gi18n.h>

/* The dataset format's keywords and the words people see for them: the
 * kinds of entry, the stages of an instrument's life, how it ended, and
 * how entries relate, read from either end. */

typedef struct
{
  const char *name;
  const char *label;
} Keyword;

/* Indexed by NichiroEntryKind. */
static const Keyword kinds[] = {
  { "treaty", N_("Treaty") },
  { "agreement", N_("Agreement") },
  { "convention", N_("Convention") },
  { "protocol", N_("Protocol") },
  { "declaration", N_("Declaration") },
  { "pact", N_("Pact") },
  { "war", N_("War") },
  { "battle", N_("Battle") },
  { "conference", N_("Conference") },
  { "incident", N_("Incident") },
  { "mission", N_("Mission") },
  { "event", N_("Event") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == NICHIRO_N_ENTRY_KINDS);

/* Indexed by NichiroStage. */
static const Keyword stages[] = {
  { "ratified", N_("Ratified") },
  { "ratifications-exchanged", N_("Ratifications exchanged") },
  { "in-force", N_("In force") },
  { "notice", N_("Notice given") },
  { "ended", N_("Ended") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (stages) == NICHIRO_N_STAGES);

/* Indexed by NichiroEndStatus; the first is not a keyword of the format. */
static const Keyword end_statuses[] = {
  { "", N_("No end recorded") },
  { "expired", N_("Expired") },
  { "denounced", N_("Denounced") },
  { "abrogated", N_("Abrogated") },
  { "annulled-by-war", N_("Annulled by war") },
  { "superseded", N_("Superseded") },
  { "repudiated", N_("Repudiated") },
  { "executed", N_("Executed and spent") },
  { "no-formal-end", N_("No formal end") },
  { "disputed", N_("Disputed") },
  { "still-in-force", N_("Still in force") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (end_statuses) == NICHIRO_N_END_STATUSES);

/* Indexed by NichiroRelation. */
static const Keyword relations[] = {
  { "supersedes", N_("Supersedes") },
  { "confirms", N_("Confirms") },
  { "extends", N_("Extends") },
  { "implements", N_("Implements") },
  { "renounces", N_("Renounces") },
  { "responds-to", N_("Responds to") },
  { "leads-to", N_("Leads to") },
  { "part-of", N_("Part of") },
  { "see-also", N_("See also") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (relations) == NICHIRO_N_RELATIONS);

/* The same relations read from the other end: if A supersedes B, B is
 * superseded by A. Indexed by NichiroRelation. */
static const char * const inverse_relations[] = {
  N_("Superseded by"),
  N_("Confirmed by"),
  N_("Extended by"),
  N_("Implemented by"),
  N_("Renounced by"),
  N_("Answered by"),
  N_("Follows from"),
  N_("Includes"),
  N_("See also"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (inverse_relations) == NICHIRO_N_RELATIONS);

static gboolean
keyword_lookup (const Keyword *table,
                guint          n_items,
                const char    *text,
                guint         *out_index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (g_str_equal (table[i].name, text))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
nichiro_entry_kind_to_string (NichiroEntryKind kind)
{
  g_return_val_if_fail (kind < NICHIRO_N_ENTRY_KINDS, NULL);

  return kinds[kind].name;
}

const char *
nichiro_entry_kind_get_label (NichiroEntryKind kind)
{
  g_return_val_if_fail (kind < NICHIRO_N_ENTRY_KINDS, NULL);

  return _(kinds[kind].label);
}

gboolean
nichiro_entry_kind_from_string (const char       *text,
                                NichiroEntryKind *out_kind)
{
  guint index;

  if (!keyword_lookup (kinds, G_N_ELEMENTS (kinds), text, &index))
    return FALSE;
  *out_kind = index;
  return TRUE;
}

/**
 * nichiro_entry_kind_is_instrument:
 * @kind: an entry kind
 *
 * Whether entries of @kind are written instruments (treaties, agreements,
 * conventions, protocols, declarations, pacts): they have signatories,
 * articles and a lifecycle.
 */
gboolean
nichiro_entry_kind_is_instrument (NichiroEntryKind kind)
{
  return kind <= NICHIRO_ENTRY_KIND_PACT;
}

const char *
nichiro_stage_to_string (NichiroStage stage)
{
  g_return_val_if_fail (stage < NICHIRO_N_STAGES, NULL);

  return stages[stage].name;
}

const char *
nichiro_stage_get_label (NichiroStage stage)
{
  g_return_val_if_fail (stage < NICHIRO_N_STAGES, NULL);

  return _(stages[stage].label);
}

gboolean
nichiro_stage_from_string (const char   *text,
                           NichiroStage *out_stage)
{
  guint index;

  if (!keyword_lookup (stages, G_N_ELEMENTS (stages), text, &index))
    return FALSE;
  *out_stage = index;
  return TRUE;
}

/**
 * nichiro_end_status_to_string:
 * @status: an end status
 *
 * Returns: (nullable): the keyword the dataset format uses, such as
 *   `annulled-by-war`; %NULL for %NICHIRO_END_UNKNOWN
 */
const char *
nichiro_end_status_to_string (NichiroEndStatus status)
{
  g_return_val_if_fail (status < NICHIRO_N_END_STATUSES, NULL);

  return status == NICHIRO_END_UNKNOWN ? NULL : end_statuses[status].name;
}

const char *
nichiro_end_status_get_label (NichiroEndStatus status)
{
  g_return_val_if_fail (status < NICHIRO_N_END_STATUSES, NULL);

  return _(end_statuses[status].label);
}

gboolean
nichiro_end_status_from_string (const char       *text,
                                NichiroEndStatus *out_status)
{
  guint index;

  if (text == NULL || text[0] == '\0' ||
      !keyword_lookup (end_statuses, G_N_ELEMENTS (end_statuses), text, &index))
    return FALSE;
  *out_status = index;
  return TRUE;
}

const char *
nichiro_relation_to_string (NichiroRelation relation)
{
  g_return_val_if_fail (relation < NICHIRO_N_RELATIONS, NULL);

  return relations[relation].name;
}

const char *
nichiro_relation_get_label (NichiroRelation relation)
{
  g_return_val_if_fail (relation < NICHIRO_N_RELATIONS, NULL);

  return _(relations[relation].label);
}

/**
 * nichiro_relation_get_inverse_label:
 * @relation: a relation
 *
 * The relation as seen from the entry it points to: "Superseded by" for
 * supersedes, "Follows from" for leads-to; "See also" stays itself.
 *
 * Returns: the label, translated
 */
const char *
nichiro_relation_get_inverse_label (NichiroRelation relation)
{
  g_return_val_if_fail (relation < NICHIRO_N_RELATIONS, NULL);

  return _(inverse_relations[relation]);
}

gboolean
nichiro_relation_from_string (const char      *text,
                              NichiroRelation *out_relation)
{
  guint index;

  if (!keyword_lookup (relations, G_N_ELEMENTS (relations), text, &index))
    return FALSE;
  *out_relation = index;
  return TRUE;
}
