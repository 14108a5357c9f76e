/* nichiro-session-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-session.h"

G_BEGIN_DECLS

/* What the files of NichiroSession share: nichiro-session.c holds the
 * type, the dataset, the store, the search and its results, the part,
 * the timeline's view and cursor and the title language;
 * nichiro-session-history.c the selection and its history. */

struct _NichiroSession
{
  GObject parent_instance;

  NichiroDataset *dataset;
  NichiroStudyStore *store;
  NichiroSearch *search;
  NichiroResultsModel *results;
  NichiroEntry *selected;
  const NichiroPart *part;   /* whose page is shown, or NULL */
  char *query;
  NichiroLanguage title_language;

  /* The timeline's view, as Julian days (both 0 until it is first shown),
   * and its date cursor (0 when there is none). */
  double visible_start;
  double visible_end;
  gint64 cursor;

  /* What was read before and after the selection, most recent last. */
  GPtrArray *back;
  GPtrArray *forward;

  /* Whether the selection is being walked through, step by step: the
   * history holds where the walk began, not each step. */
  gboolean walking;
};

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTED,
  PROP_QUERY,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_CURSOR,
  PROP_TITLE_LANGUAGE,
  PROP_STORE,
  PROP_RESULTS,
  PROP_PART,
  N_PROPS
};

extern GParamSpec *_nichiro_session_properties[N_PROPS];

void _nichiro_session_show_part (NichiroSession    *self,
                                 const NichiroPart *part);

G_END_DECLS
