/* nichiro-map.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nichiro-map.h"
#include "nichiro-map-canvas.h"
#include "nichiro-map-legend.h"
#include "nichiro-map-popover.h"
#include "nichiro-territory.h"

/* The frontier map: the day it shows and where that day comes from, the
 * zoom buttons, the canvas and the legend. It follows the session: the
 * day is the timeline's date cursor, or with no cursor the selected
 * entry's date, or the end of the dataset's period; moving the cursor
 * redraws at once. An area's changes and a place's entries open in a
 * popover whose rows select the entry. The coastline is read, the areas'
 * land cut and the markers made once the map has first been painted: the
 * window's first frame shows the map's frame and its sea, and the frame
 * after it the frontier. A window that starts without the map pays nothing
 * for it until it is shown. */

struct _NichiroMap
{
  AdwBin parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  gboolean loaded;                /* the canvas has the session's dataset */
  gulong after_paint_id;          /* waiting for the first frame */
  GdkFrameClock *frame_clock;
  guint load_id;                  /* loading after it */

  GtkLabel *day_label;
  GtkLabel *source_label;
  NichiroMapCanvas *canvas;
  NichiroMapLegend *legend;
  GtkWidget *popover;
};

G_DEFINE_FINAL_TYPE (NichiroMap, nichiro_map, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* The last day of a date known only to the month or the year: an entry
 * dated "April 1920" has happened by the end of April. */
static NichiroDate
last_day_of (const NichiroDate *date)
{
  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_YEAR:
      return nichiro_date_make (date->year, 12, 31);
    case NICHIRO_DATE_PRECISION_MONTH:
      return nichiro_date_make (date->year, date->month, nichiro_date_days_in_month (date->year, date->month, FALSE));
    case NICHIRO_DATE_PRECISION_DAY:
    case NICHIRO_DATE_PRECISION_NONE:
    default:
      return *date;
    }
}

/* The day to show, and in words where it comes from. */
static gint64
shown_day (NichiroMap  *self,
           char       **out_source)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  NichiroEntry *selected = nichiro_session_get_selected (self->session);
  gint64 cursor = nichiro_session_get_cursor (self->session);
  NichiroDate start, end;

  if (cursor > 0)
    {
      *out_source = g_strdup (_("At the timeline’s date cursor"));
      return cursor;
    }

  if (selected != NULL && nichiro_date_is_set (nichiro_entry_get_date (selected)))
    {
      NichiroDate day = last_day_of (nichiro_entry_get_date (selected));

      /* Translators: where the map's day comes from: "Date of the selected entry: Treaty of Portsmouth" */
      *out_source = g_strdup_printf (_("Date of the selected entry: %s"), nichiro_session_get_title (self->session, selected));
      return nichiro_date_to_julian_day (&day);
    }

  if (nichiro_dataset_get_period (dataset, &start, &end))
    {
      NichiroDate day = last_day_of (&end);

      *out_source = g_strdup (_("At the end of the period; move the date cursor or choose an entry"));
      return nichiro_date_to_julian_day (&day);
    }

  *out_source = g_strdup (_("Move the date cursor or choose an entry"));
  end = nichiro_date_make (1956, 12, 31);
  return nichiro_date_to_julian_day (&end);
}

static void
add_item (GArray               *items,
          NichiroMapSwatchKind  kind,
          NichiroFrontierSide   side,
          NichiroMapPattern     pattern,
          char                 *label)
{
  NichiroMapLegendItem item = { kind, { side, pattern }, label };

  g_array_append_val (items, item);
}

static void
clear_item (gpointer data)
{
  g_free (((NichiroMapLegendItem *) data)->label);
}

/* The legend for the shown day: the sides that held something, by the
 * names of their holders, then the patterns in use, the line, the pins. */
static void
update_legend (NichiroMap *self,
               gint64      day)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (NichiroMapLegendItem));
  g_autoptr(GArray) holdings = NULL;
  GString *sides[3] = { NULL, };
  gboolean patterns[NICHIRO_MAP_N_PATTERNS] = { FALSE, };
  const NichiroFrontierLine *lines;
  guint n_lines = 0;

  g_array_set_clear_func (items, clear_item);
  if (frontier == NULL)
    {
      nichiro_map_legend_set_items (self->legend, NULL, 0);
      return;
    }

  holdings = nichiro_territory_on (frontier, day);
  for (guint i = 0; i < holdings->len; i++)
    {
      const NichiroAreaChange *change = g_array_index (holdings, NichiroHolding, i).change;
      NichiroMapFill fill = nichiro_map_fill_for (frontier, change);
      const char *name;

      patterns[fill.pattern] = TRUE;
      if (change == NULL || fill.pattern == NICHIRO_MAP_PATTERN_STRIPED)
        continue;

      name = nichiro_territory_holder_name (dataset, change->holder, language);
      if (sides[fill.side] == NULL)
        sides[fill.side] = g_string_new (name);
      else if (strstr (sides[fill.side]->str, name) == NULL)
        g_string_append_printf (sides[fill.side], " / %s", name);
    }

  for (guint side = NICHIRO_FRONTIER_SIDE_A; side <= NICHIRO_FRONTIER_SIDE_B; side++)
    if (sides[side] != NULL)
      add_item (items, NICHIRO_MAP_SWATCH_FILL, side, NICHIRO_MAP_PATTERN_SOLID, g_strdup (sides[side]->str));
  if (sides[NICHIRO_FRONTIER_SIDE_NONE] != NULL)
    add_item (items, NICHIRO_MAP_SWATCH_FILL, NICHIRO_FRONTIER_SIDE_NONE, NICHIRO_MAP_PATTERN_SOLID,
              g_strdup (sides[NICHIRO_FRONTIER_SIDE_NONE]->str));

  /* The patterns, in a neutral colour: they tell the title, not the holder. */
  for (guint pattern = NICHIRO_MAP_PATTERN_HATCHED; pattern < NICHIRO_MAP_N_PATTERNS; pattern++)
    if (patterns[pattern])
      add_item (items, NICHIRO_MAP_SWATCH_FILL,
                pattern == NICHIRO_MAP_PATTERN_STRIPED ? NICHIRO_FRONTIER_SIDE_A : NICHIRO_FRONTIER_SIDE_NONE,
                pattern, g_strdup (nichiro_map_pattern_get_label (pattern)));
  if (patterns[NICHIRO_MAP_PATTERN_NONE])
    add_item (items, NICHIRO_MAP_SWATCH_FILL, NICHIRO_FRONTIER_SIDE_NONE, NICHIRO_MAP_PATTERN_NONE,
              g_strdup (nichiro_map_pattern_get_label (NICHIRO_MAP_PATTERN_NONE)));

  lines = nichiro_frontier_get_lines (frontier, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      if (nichiro_frontier_line_holds_on (&lines[i], day))
        {
          add_item (items, NICHIRO_MAP_SWATCH_LINE, NICHIRO_FRONTIER_SIDE_NONE, NICHIRO_MAP_PATTERN_NONE,
                    g_strdup (_("Treaty frontier")));
          break;
        }
    }

  add_item (items, NICHIRO_MAP_SWATCH_PIN, NICHIRO_FRONTIER_SIDE_NONE, NICHIRO_MAP_PATTERN_NONE,
            g_strdup (_("Place of an entry")));

  nichiro_map_legend_set_items (self->legend, (NichiroMapLegendItem *) (gpointer) items->data, items->len);

  for (guint side = 0; side < G_N_ELEMENTS (sides); side++)
    if (sides[side] != NULL)
      g_string_free (sides[side], TRUE);
}

/* Shows the session's day: the canvas, the heading, the legend. */
static void
update_day (NichiroMap *self)
{
  g_autofree char *source = NULL;
  g_autofree char *day_text = NULL;
  NichiroDate date;
  gint64 day;

  if (self->session == NULL || !self->loaded)
    return;

  day = shown_day (self, &source);
  date = nichiro_date_from_julian_day (day);
  day_text = nichiro_date_format (&date);

  nichiro_map_canvas_set_day (self->canvas, day);
  gtk_label_set_label (self->day_label, day_text);
  gtk_label_set_label (self->source_label, source);
  update_legend (self, day);
}

static void
update_language (NichiroMap *self)
{
  if (self->session == NULL || !self->loaded)
    return;

  nichiro_map_canvas_set_title_language (self->canvas, nichiro_session_get_title_language (self->session));
  update_day (self);
}

/* Reads the coastline and gives the canvas the dataset, once the map is
 * shown with a session. */
static void
ensure_loaded (NichiroMap *self)
{
  g_autoptr(NichiroCoastline) coastline = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loaded || self->session == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  coastline = nichiro_coastline_load_bundled (&error);
  if (coastline == NULL)
    /* The asset is compiled in: this is a broken build, not bad input. */
    g_critical ("The map’s coastline could not be read: %s", error->message);

  nichiro_map_canvas_set_title_language (self->canvas, nichiro_session_get_title_language (self->session));
  nichiro_map_canvas_set_dataset (self->canvas, nichiro_session_get_dataset (self->session), coastline);
  self->loaded = TRUE;
  update_day (self);
}

static gboolean
load_cb (gpointer user_data)
{
  NichiroMap *self = user_data;

  self->load_id = 0;
  ensure_loaded (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting (NichiroMap *self)
{
  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  self->frame_clock = NULL;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                NichiroMap    *self)
{
  stop_waiting (self);
  if (self->load_id == 0)
    self->load_id = g_idle_add (load_cb, self);
}

/* Loads once the frame that first shows the map is on screen. */
static void
load_after_paint (NichiroMap *self)
{
  if (self->loaded || self->after_paint_id != 0 || self->load_id != 0 || self->session == NULL)
    return;

  self->frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (self->frame_clock == NULL)
    {
      ensure_loaded (self);
      return;
    }

  self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A row of the popover: select its entry, and say it is to be read. */
static void
popover_entry_activated_cb (NichiroMap        *self,
                            const char        *entry_id,
                            NichiroMapPopover *popover)
{
  NichiroEntry *entry;

  if (self->session == NULL || !nichiro_session_select_id (self->session, entry_id))
    return;

  entry = nichiro_session_get_selected (self->session);
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry);
}

/* The popover, made the first time it is needed. */
static NichiroMapPopover *
get_popover (NichiroMap *self)
{
  if (self->popover == NULL)
    {
      self->popover = nichiro_map_popover_new ();
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      g_signal_connect_object (self->popover, "entry-activated",
                               G_CALLBACK (popover_entry_activated_cb), self, G_CONNECT_SWAPPED);
    }

  return NICHIRO_MAP_POPOVER (self->popover);
}

static void
point_popover_at (NichiroMap *self,
                  GtkWidget  *anchor,
                  double      x,
                  double      y)
{
  graphene_point_t point;
  GdkRectangle rect;

  if (!gtk_widget_compute_point (anchor, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);

  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Callbacks */

static void
area_activated_cb (NichiroMap       *self,
                   const char       *area_id,
                   GtkWidget        *anchor,
                   double            x,
                   double            y,
                   NichiroMapCanvas *canvas)
{
  NichiroFrontier *frontier;
  const NichiroArea *area;

  if (self->session == NULL)
    return;

  frontier = nichiro_dataset_get_frontier (nichiro_session_get_dataset (self->session));
  area = frontier != NULL ? nichiro_frontier_lookup_area (frontier, area_id) : NULL;
  if (area == NULL)
    return;

  nichiro_map_popover_show_area (get_popover (self), self->session, area,
                                 nichiro_map_canvas_get_day (canvas));
  point_popover_at (self, anchor, x, y);
}

/* A pin selects what happened at its place: the entry itself when there
 * is one, else a list to choose from. */
static void
place_activated_cb (NichiroMap       *self,
                    const char       *place_id,
                    GtkWidget        *marker,
                    NichiroMapCanvas *canvas)
{
  NichiroDataset *dataset;
  const NichiroPlace *place;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;

  if (self->session == NULL)
    return;

  dataset = nichiro_session_get_dataset (self->session);
  place = nichiro_dataset_lookup_place (dataset, place_id);
  if (place == NULL)
    return;

  model = nichiro_dataset_get_entries (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (model, i);
      const char * const *places = nichiro_entry_get_places (entry);

      if (places != NULL && g_strv_contains (places, place_id))
        g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  if (entries->len == 1)
    {
      nichiro_session_set_selected (self->session, g_ptr_array_index (entries, 0));
      return;
    }

  nichiro_map_popover_show_place (get_popover (self), self->session, place, entries);
  point_popover_at (self, marker, gtk_widget_get_width (marker) / 2.0, gtk_widget_get_height (marker) / 2.0);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nichiro_map_canvas_zoom_in (NICHIRO_MAP (widget)->canvas);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_map_canvas_zoom_out (NICHIRO_MAP (widget)->canvas);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_map_canvas_zoom_fit (NICHIRO_MAP (widget)->canvas);
}

/* GtkWidget */

static void
nichiro_map_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nichiro_map_parent_class)->map (widget);

  load_after_paint (NICHIRO_MAP (widget));
}

static void
nichiro_map_unmap (GtkWidget *widget)
{
  NichiroMap *self = NICHIRO_MAP (widget);

  stop_waiting (self);
  g_clear_handle_id (&self->load_id, g_source_remove);

  GTK_WIDGET_CLASS (nichiro_map_parent_class)->unmap (widget);
}

static void
nichiro_map_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  NichiroMap *self = NICHIRO_MAP (widget);

  GTK_WIDGET_CLASS (nichiro_map_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* GObject */

static void
nichiro_map_dispose (GObject *object)
{
  NichiroMap *self = NICHIRO_MAP (object);

  stop_waiting (self);
  g_clear_handle_id (&self->load_id, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_MAP);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_map_parent_class)->dispose (object);
}

static void
nichiro_map_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NichiroMap *self = NICHIRO_MAP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_map_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NichiroMap *self = NICHIRO_MAP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_map_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_map_class_init (NichiroMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_map_dispose;
  object_class->get_property = nichiro_map_get_property;
  object_class->set_property = nichiro_map_set_property;
  widget_class->map = nichiro_map_map;
  widget_class->unmap = nichiro_map_unmap;
  widget_class->size_allocate = nichiro_map_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroMap::entry-activated:
   * @self: the map
   * @entry: the entry, now selected
   *
   * An instrument or event was chosen from an area's changes or a place's
   * entries, to be read: the window shows its details.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  g_type_ensure (NICHIRO_TYPE_MAP_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-map.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroMap, day_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroMap, source_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroMap, canvas);
  gtk_widget_class_bind_template_callback (widget_class, area_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_activated_cb);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_set_css_name (widget_class, "nichiro-map");
}

static void
nichiro_map_init (NichiroMap *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->legend = NICHIRO_MAP_LEGEND (nichiro_map_legend_new ());
  nichiro_map_canvas_set_legend (self->canvas, GTK_WIDGET (self->legend));


  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::cursor",
                                 G_CALLBACK (update_day), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (update_day), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
nichiro_map_new (void)
{
  return g_object_new (NICHIRO_TYPE_MAP, NULL);
}

/**
 * nichiro_map_get_session:
 * @self: a map
 *
 * Returns: (transfer none) (nullable): the session it follows
 */
NichiroSession *
nichiro_map_get_session (NichiroMap *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP (self), NULL);

  return self->session;
}

/**
 * nichiro_map_set_session:
 * @self: a map
 * @session: (nullable): the session to follow
 *
 * The map shows the frontier on the session's date cursor, or with no
 * cursor on the selected entry's date, and its rows select entries in it.
 */
void
nichiro_map_set_session (NichiroMap     *self,
                         NichiroSession *session)
{
  g_return_if_fail (NICHIRO_IS_MAP (self));

  if (!nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    return;

  self->loaded = FALSE;
  nichiro_map_canvas_set_dataset (self->canvas, NULL, NULL);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_after_paint (self);
}

/**
 * nichiro_map_get_day:
 * @self: a map
 *
 * Returns: the day the map shows, as a Julian Day Number, or 0 before it
 *   is first shown
 */
gint64
nichiro_map_get_day (NichiroMap *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP (self), 0);

  return self->loaded ? nichiro_map_canvas_get_day (self->canvas) : 0;
}

/**
 * nichiro_map_get_canvas:
 * @self: a map
 *
 * Returns: (transfer none): the canvas, for the tests and the benchmark
 */
GtkWidget *
nichiro_map_get_canvas (NichiroMap *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP (self), NULL);

  return GTK_WIDGET (self->canvas);
}
