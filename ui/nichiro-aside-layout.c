/* nichiro-aside-layout.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-aside-layout"

#include "config.h"

#include "nichiro-aside-layout.h"

/* How an entry's page is laid out: content first. The widget's three
 * children, in order, are the lead (titles, facts and summary), the aside
 * (the reader's study tools) and the rest (articles, links, sources).
 * Where there is room the aside is a column beside the lead and the rest,
 * from the top, so that the content starts at the top left and the tools
 * stay in view; where there is not, it comes after the lead, in the one
 * column. The choice is made from the width each time the page is
 * measured and allocated, so it needs no breakpoints (libadwaita 1.4) and
 * never queues a resize of its own. */

#define ASIDE_WIDTH 272
#define COLUMN_SPACING 36
#define ROW_SPACING 24
#define MAIN_MIN_WIDTH 420

struct _NichiroAsideLayout
{
  GtkLayoutManager parent_instance;

  gboolean wide;
};

G_DEFINE_FINAL_TYPE (NichiroAsideLayout, nichiro_aside_layout, GTK_TYPE_LAYOUT_MANAGER)

typedef struct
{
  GtkWidget *lead;
  GtkWidget *aside;
  GtkWidget *rest;
} Parts;

static GtkWidget *
shown (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child) ? child : NULL;
}

static Parts
get_parts (GtkWidget *widget)
{
  GtkWidget *lead = gtk_widget_get_first_child (widget);
  GtkWidget *aside = lead ? gtk_widget_get_next_sibling (lead) : NULL;
  GtkWidget *rest = aside ? gtk_widget_get_next_sibling (aside) : NULL;

  return (Parts) { shown (lead), shown (aside), shown (rest) };
}

static int
aside_width (Parts *parts)
{
  int minimum = 0;

  if (parts->aside != NULL)
    gtk_widget_measure (parts->aside, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return MAX (minimum, ASIDE_WIDTH);
}

static gboolean
is_wide (Parts *parts,
         int    width)
{
  return parts->aside != NULL && width >= MAIN_MIN_WIDTH + COLUMN_SPACING + aside_width (parts);
}

static void
measure_height (GtkWidget *child,
                int        width,
                int       *minimum,
                int       *natural)
{
  int child_minimum = 0, child_natural = 0;

  if (child != NULL)
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_minimum, &child_natural, NULL, NULL);

  *minimum = child_minimum;
  *natural = child_natural;
}

/* Heights stacked in one column, with the spacing between those shown. */
static void
stack_heights (GtkWidget **children,
               guint       n_children,
               int         width,
               int        *minimum,
               int        *natural)
{
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (guint i = 0; i < n_children; i++)
    {
      int child_minimum, child_natural;

      if (children[i] == NULL)
        continue;

      measure_height (children[i], width, &child_minimum, &child_natural);
      *minimum += child_minimum + (first ? 0 : ROW_SPACING);
      *natural += child_natural + (first ? 0 : ROW_SPACING);
      first = FALSE;
    }
}

static void
nichiro_aside_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  Parts parts = get_parts (widget);
  GtkWidget *all[] = { parts.lead, parts.aside, parts.rest };

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int main_natural = 0;

      *minimum = *natural = 0;
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        {
          int child_minimum, child_natural;

          if (all[i] == NULL)
            continue;

          gtk_widget_measure (all[i], GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          if (all[i] != parts.aside)
            main_natural = MAX (main_natural, child_natural);
        }

      /* Natural: the two columns side by side. */
      *natural = MAX (*minimum, main_natural + (parts.aside ? COLUMN_SPACING + aside_width (&parts) : 0));
      return;
    }

  if (for_size >= 0 && is_wide (&parts, for_size))
    {
      GtkWidget *main[] = { parts.lead, parts.rest };
      int main_width = for_size - COLUMN_SPACING - aside_width (&parts);
      int aside_minimum, aside_natural;

      stack_heights (main, G_N_ELEMENTS (main), main_width, minimum, natural);
      measure_height (parts.aside, aside_width (&parts), &aside_minimum, &aside_natural);
      *minimum = MAX (*minimum, aside_minimum);
      *natural = MAX (*natural, aside_natural);
    }
  else
    {
      stack_heights (all, G_N_ELEMENTS (all), for_size, minimum, natural);
    }
}

static void
allocate_column (GtkWidget **children,
                 guint       n_children,
                 int         x,
                 int         width)
{
  int y = 0;

  for (guint i = 0; i < n_children; i++)
    {
      int height, unused;

      if (children[i] == NULL)
        continue;

      measure_height (children[i], width, &unused, &height);
      gtk_widget_size_allocate (children[i], &(GtkAllocation) { x, y, width, height }, -1);
      y += height + ROW_SPACING;
    }
}

static void
nichiro_aside_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  NichiroAsideLayout *self = NICHIRO_ASIDE_LAYOUT (manager);
  Parts parts = get_parts (widget);

  self->wide = is_wide (&parts, width);
  if (self->wide)
    {
      GtkWidget *main[] = { parts.lead, parts.rest };
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      int side = aside_width (&parts);
      int main_width = width - COLUMN_SPACING - side;

      allocate_column (main, G_N_ELEMENTS (main), rtl ? side + COLUMN_SPACING : 0, main_width);
      allocate_column (&parts.aside, 1, rtl ? 0 : main_width + COLUMN_SPACING, side);
    }
  else
    {
      GtkWidget *all[] = { parts.lead, parts.aside, parts.rest };

      allocate_column (all, G_N_ELEMENTS (all), 0, width);
    }
}

static GtkSizeRequestMode
nichiro_aside_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
nichiro_aside_layout_class_init (NichiroAsideLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = nichiro_aside_layout_get_request_mode;
  manager_class->measure = nichiro_aside_layout_measure;
  manager_class->allocate = nichiro_aside_layout_allocate;
}

static void
nichiro_aside_layout_init (NichiroAsideLayout *self)
{
}

GtkLayoutManager *
nichiro_aside_layout_new (void)
{
  return g_object_new (NICHIRO_TYPE_ASIDE_LAYOUT, NULL);
}

/**
 * nichiro_aside_layout_is_wide:
 * @self: a layout
 *
 * Returns: whether the last allocation put the aside in a column of its own
 */
gboolean
nichiro_aside_layout_is_wide (NichiroAsideLayout *self)
{
  g_return_val_if_fail (NICHIRO_IS_ASIDE_LAYOUT (self), FALSE);

  return self->wide;
}
