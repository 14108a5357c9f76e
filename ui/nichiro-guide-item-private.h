/* nichiro-guide-item-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-guide.h"

G_BEGIN_DECLS

/* The chapter guide's rows (nichiro-guide-item.c): the item behind each,
 * a part or an entry, and the widgets that show it. Only the guide uses
 * them. */

#define NICHIRO_TYPE_GUIDE_ITEM (nichiro_guide_item_get_type ())

G_DECLARE_FINAL_TYPE (NichiroGuideItem, nichiro_guide_item, NICHIRO, GUIDE_ITEM, GObject)

struct _NichiroGuideItem
{
  GObject parent_instance;

  NichiroEntry *entry;      /* NULL for a part */
  char *part_id;
  GListStore *children;     /* a part's entries, NULL for an entry */

  char *title;
  char *subtitle;
  char *count;
  char *count_description;
  char *accessible_label;
  gboolean studied;
  gboolean bookmarked;
  gboolean noted;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_ENTRY,
  ITEM_PROP_PART_ID,
  ITEM_PROP_IS_PART,
  ITEM_PROP_TITLE,
  ITEM_PROP_SUBTITLE,
  ITEM_PROP_COUNT,
  ITEM_PROP_COUNT_DESCRIPTION,
  ITEM_PROP_ACCESSIBLE_LABEL,
  ITEM_PROP_STUDIED,
  ITEM_PROP_BOOKMARKED,
  ITEM_PROP_NOTED,
  ITEM_N_PROPS
};

NichiroGuideItem   *nichiro_guide_item_new_part       (const NichiroPart  *part);
NichiroGuideItem   *nichiro_guide_item_new_entry      (NichiroEntry       *entry);
void                nichiro_guide_item_set_flag       (NichiroGuideItem   *self,
                                                       gboolean           *field,
                                                       gboolean            value,
                                                       guint               prop);
void                nichiro_guide_item_set_string     (NichiroGuideItem   *self,
                                                       char              **field,
                                                       const char         *value,
                                                       guint               prop);
GtkListItemFactory *nichiro_guide_item_create_factory (NichiroGuide       *guide);

G_END_DECLS
