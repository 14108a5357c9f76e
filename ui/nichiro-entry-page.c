/* nichiro-entry-page.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "nichiro-aside-layout.h"
#include "nichiro-entry-page-private.h"
#include "nichiro-study-panel.h"
#include "nichiro-ui-utils.h"

/* One entry, read whole: what the detail view shows once an entry is
 * selected, made when the first one is.
 *
 * Content comes first: the kind and date, the titles in three scripts, the
 * facts (dates written out, the lifecycle, place, parties) and the summary
 * open the page; the reader's study tools stand beside them, or after them
 * on a narrow page (NichiroAsideLayout); the key articles, significance,
 * signatories, links and sources follow.
 *
 * Text can be selected with the pointer but is not a stop in the Tab chain:
 * the keyboard goes from control to control. Each section of text has a
 * Copy button instead, and Copy Details copies the titles and facts.
 * Related entries, threads and sources are controls: rows and buttons, each
 * its own stop, that Enter or Space follows, and that a screen reader
 * announces as links with their target. Related entries come from both
 * ends: the entry's own relations and, read the other way round, those of
 * the entries that point at it ("Superseded by"); they are made in
 * nichiro-entry-page-links.c. */

G_DEFINE_FINAL_TYPE (NichiroEntryPage, nichiro_entry_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_nichiro_entry_page_set_language (GtkLabel   *label,
                                  const char *language)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  /* Han characters are drawn differently in Japanese and Chinese; telling
   * Pango the language picks the Japanese forms. */
  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string (language)));
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        g_assert_not_reached ();
    }
}

static void
append_text (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* Text to read and select with the pointer, not a stop for the keyboard. */
GtkWidget *
_nichiro_entry_page_new_body_label (const char *text,
                                    gboolean    use_markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Not focusable is not enough: a selectable label takes Tab and keeps it. */
  gtk_widget_set_can_focus (label, FALSE);
  if (use_markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);

  return label;
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "label", text,
                                     "xalign", 0.0f,
                                     "hexpand", TRUE,
                                     NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_add_css_class (heading, "heading");
  return heading;
}

/* A section: its heading, with a Copy button when @name is given, in
 * @parent; the section's own box is returned for its content. */
GtkBox *
_nichiro_entry_page_add_section (NichiroEntryPage *self,
                                 GtkBox           *parent,
                                 const char       *heading,
                                 const char       *name)
{
  GtkBox *section = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *heading_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (heading_row), new_heading (heading));
  if (name != NULL)
    {
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      /* Translators: a button's tooltip; %s is a section's heading, e.g. "Summary" */
      g_autofree char *tooltip = g_strdup_printf (_("Copy %s"), heading);

      gtk_widget_set_tooltip_text (copy, tooltip);
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_add_css_class (copy, "nichiro-copy");
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "entry.copy-section");
      gtk_box_append (GTK_BOX (heading_row), copy);
    }
  else
    {
      /* The same height as a heading with a button. */
      gtk_widget_add_css_class (heading_row, "nichiro-heading-row");
    }

  gtk_box_append (section, heading_row);
  gtk_box_append (parent, GTK_WIDGET (section));
  return section;
}

static void
add_text_section (NichiroEntryPage *self,
                  GtkBox           *parent,
                  const char       *heading,
                  const char       *name,
                  const char       *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  gtk_box_append (_nichiro_entry_page_add_section (self, parent, heading, name), _nichiro_entry_page_new_body_label (text, FALSE));
  g_hash_table_insert (self->texts, g_strdup (name), g_strdup (text));
}

/* A row of facts: the key, then the value; a date's Japanese era follows
 * it on its line, and a note on it (who ratified, where the sources
 * differ) reads under it, smaller. */
static void
add_fact (GtkGrid    *grid,
          int        *row,
          GString    *text,
          const char *key,
          const char *value,
          const char *era,
          const char *note)
{
  GtkWidget *key_label, *value_box, *line_box;
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  /* A long key ("Обмен ратификационными грамотами") wraps rather than
   * narrowing every value. */
  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 1.0f);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_justify (GTK_LABEL (key_label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (key_label), 18);
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_grid_attach (grid, key_label, 0, *row, 1, 1);

  value_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (value_box, TRUE);
  line_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (line_box), _nichiro_entry_page_new_body_label (value, FALSE));
  if (era != NULL && era[0] != '\0')
    {
      GtkWidget *era_label = _nichiro_entry_page_new_body_label (era, FALSE);

      gtk_label_set_wrap (GTK_LABEL (era_label), FALSE);
      gtk_widget_add_css_class (era_label, "dim-label");
      gtk_widget_set_valign (era_label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (line_box), era_label);
    }
  gtk_box_append (GTK_BOX (value_box), line_box);
  if (note != NULL && note[0] != '\0')
    {
      GtkWidget *note_label = _nichiro_entry_page_new_body_label (note, FALSE);

      gtk_widget_add_css_class (note_label, "caption");
      gtk_widget_add_css_class (note_label, "nichiro-fact-note");
      gtk_box_append (GTK_BOX (value_box), note_label);
    }
  gtk_grid_attach (grid, value_box, 1, *row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_box), GTK_ACCESSIBLE_RELATION_LABELLED_BY, key_label, NULL, -1);
  (*row)++;

  line = g_string_new (NULL);
  g_string_printf (line, "%s: %s", key, value);
  if (era != NULL && era[0] != '\0')
    g_string_append_printf (line, ", %s", era);
  if (note != NULL && note[0] != '\0')
    g_string_append_printf (line, " — %s", note);
  append_text (text, line->str);
}

/* Names of states, people, places, parts and threads follow the
 * interface's language; entry titles follow the title-language setting. */
static const char *
state_name (NichiroDataset *dataset,
            const char     *id)
{
  const NichiroState *state = nichiro_dataset_lookup_state (dataset, id);

  return state != NULL ? nichiro_state_get_name (state, nichiro_language_get_interface ()) : id;
}

static char *
state_names (NichiroDataset     *dataset,
             const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, state_name (dataset, ids[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where, in words: the places on the map in the interface's language, or
 * the dataset's own words (English) in an English interface or without
 * places. */
static char *
place_text (NichiroDataset *dataset,
            NichiroEntry   *entry)
{
  NichiroLanguage language = nichiro_language_get_interface ();
  const char * const *ids = nichiro_entry_get_places (entry);
  g_autoptr(GString) text = g_string_new (NULL);

  if (language == NICHIRO_LANGUAGE_EN || ids == NULL || ids[0] == NULL)
    return g_strdup (nichiro_entry_get_place (entry));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const NichiroPlace *place = nichiro_dataset_lookup_place (dataset, ids[i]);

      if (place == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, nichiro_place_get_name (place, language));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE)
                       : g_strdup (nichiro_entry_get_place (entry));
}

/* The header gives the dates in brief; the facts give them in full, with
 * the Old Style reading where Russia's calendar applies, and the Japanese
 * era beside each. */
static void
add_date_facts (GtkGrid      *grid,
                int          *row,
                GString      *text,
                NichiroEntry *entry)
{
  const NichiroDate *date = nichiro_entry_get_date (entry);
  const NichiroDate *end = nichiro_entry_get_end_date (entry);
  NichiroEraScript script = nichiro_date_get_era_script ();
  g_autofree char *start_text = nichiro_entry_format_date (date, nichiro_entry_get_date_old_style (entry), FALSE);
  g_autofree char *start_era = nichiro_entry_dup_japanese_era (entry, script);

  if (nichiro_date_is_set (end) && nichiro_date_compare (date, end) != 0)
    {
      g_autofree char *end_text = nichiro_entry_format_date (end, nichiro_entry_get_end_date_old_style (entry), FALSE);
      g_autofree char *end_era = nichiro_date_format_japanese_era_in (end, script);

      add_fact (grid, row, text, _("Began"), start_text, start_era, NULL);
      add_fact (grid, row, text, _("Ended"), end_text, end_era, NULL);
    }
  else
    {
      add_fact (grid, row, text,
                nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)) ? _("Signed") : _("Date"),
                start_text, start_era, NULL);
    }
}

/* What opens the page: the dates and the lifecycle, the place, the
 * parties. */
static void
show_facts (NichiroEntryPage *self,
            NichiroDataset   *dataset,
            NichiroEntry     *entry,
            GString          *text)
{
  g_autofree char *parties = state_names (dataset, nichiro_entry_get_parties (entry));
  g_autofree char *place = place_text (dataset, entry);
  const NichiroLifecycleStep *steps;
  int row = 0;
  guint n;

  remove_children (GTK_WIDGET (self->facts_grid));
  add_date_facts (self->facts_grid, &row, text, entry);

  steps = nichiro_entry_get_lifecycle (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = nichiro_entry_format_date (&steps[i].date, &steps[i].date_old_style, FALSE);

      add_fact (self->facts_grid, &row, text, nichiro_stage_get_label (steps[i].stage), date, NULL, steps[i].note);
    }

  add_fact (self->facts_grid, &row, text, _("Place"), place, NULL, NULL);
  add_fact (self->facts_grid, &row, text, _("Parties"), parties, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_grid), row > 0);
}

/* After the summary: who signed, and where the book deals with it. */
static void
add_more_facts (NichiroEntryPage *self,
                NichiroDataset   *dataset,
                NichiroEntry     *entry,
                GString          *text)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autoptr(GString) signers = g_string_new (NULL);
  const NichiroSignatory *signatories;
  const NichiroPart *part;
  int row = 0;
  guint n;

  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_add_css_class (GTK_WIDGET (grid), "nichiro-facts");

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      if (signers->len > 0)
        g_string_append_c (signers, '\n');
      g_string_append (signers, nichiro_names_get (&signatories[i].name, language));
      if (signatories[i].office != NULL)
        g_string_append_printf (signers, ", %s", signatories[i].office);
      g_string_append_printf (signers, " (%s)", state_name (dataset, signatories[i].side));
    }
  add_fact (grid, &row, text, n == 1 ? _("Signatory") : _("Signatories"), signers->str, NULL, NULL);

  part = nichiro_dataset_lookup_part (dataset, nichiro_entry_get_part (entry));
  if (part != NULL)
    {
      g_autofree char *part_text = g_strdup_printf ("%u. %s", part->number, nichiro_part_get_title (part, language));

      add_fact (grid, &row, text, _("Chapter part"), part_text, NULL, NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (grid), row > 0);
  gtk_box_append (self->rest, GTK_WIDGET (grid));
}

static void
add_articles (NichiroEntryPage *self,
              NichiroEntry     *entry)
{
  const NichiroArticle *articles;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkBox *section;
  guint n;

  articles = nichiro_entry_get_articles (entry, &n);
  if (n == 0)
    return;

  section = _nichiro_entry_page_add_section (self, self->rest, _("Key Articles"), "articles");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = NULL;
      g_autofree char *plain = NULL;

      if (articles[i].secret)
        {
          markup = g_markup_printf_escaped (_("<b>Article %s</b> (secret)\n%s"), articles[i].number, articles[i].text);
          plain = g_strdup_printf (_("Article %s (secret)\n%s"), articles[i].number, articles[i].text);
        }
      else
        {
          markup = g_markup_printf_escaped (_("<b>Article %s</b>\n%s"), articles[i].number, articles[i].text);
          plain = g_strdup_printf (_("Article %s\n%s"), articles[i].number, articles[i].text);
        }
      gtk_box_append (section, _nichiro_entry_page_new_body_label (markup, TRUE));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      append_text (text, plain);
    }

  g_hash_table_insert (self->texts, g_strdup ("articles"), g_string_free (g_steal_pointer (&text), FALSE));
}

/* The title in the reader's language leads; the other two follow it on
 * one line, in the dataset's order, each tagged with its language. */
static void
show_titles (NichiroEntryPage *self,
             NichiroEntry     *entry,
             GString          *text)
{
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const char *names[] = { titles->en, titles->ja, titles->ru };
  NichiroLanguage leading = nichiro_session_get_title_language (self->session);
  g_autoptr(GString) others = g_string_new (NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == NICHIRO_N_LANGUAGES);

  /* Without a title in that language, the English one leads. */
  if (names[leading] == NULL || names[leading][0] == '\0')
    leading = NICHIRO_LANGUAGE_EN;

  gtk_label_set_text (self->title_label, names[leading]);
  _nichiro_entry_page_set_language (self->title_label, nichiro_language_to_string (leading));
  append_text (text, names[leading]);

  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      PangoAttribute *tag;

      if (language == leading || names[language] == NULL || names[language][0] == '\0')
        continue;

      if (others->len > 0)
        g_string_append (others, " · ");
      /* Han characters are drawn differently in Japanese and Chinese;
       * telling Pango the language picks the Japanese forms. */
      tag = pango_attr_language_new (pango_language_from_string (nichiro_language_to_string (language)));
      tag->start_index = others->len;
      g_string_append (others, names[language]);
      tag->end_index = others->len;
      pango_attr_list_insert (attributes, tag);
      append_text (text, names[language]);
    }

  gtk_label_set_text (self->other_titles_label, others->str);
  gtk_label_set_attributes (self->other_titles_label, attributes);
  gtk_widget_set_visible (GTK_WIDGET (self->other_titles_label), others->len > 0);
  pango_attr_list_unref (attributes);
}

/* The focus was on a link that is gone with the entry it was on: it lands
 * on the new entry's page, as a browser starts again at the top of a page,
 * and a screen reader hears the entry's title; Tab goes on from the top.
 * The page is a stop only until the focus leaves it. */
static void
page_focus_changed_cb (NichiroEntryPage        *self,
                       GParamSpec              *pspec,
                       GtkEventControllerFocus *controller)
{
  if (!gtk_event_controller_focus_is_focus (controller))
    gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

static void
land_on_page (NichiroEntryPage *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  if (!gtk_widget_grab_focus (GTK_WIDGET (self)))
    gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

static void
show_entry (NichiroEntryPage *self)
{
  NichiroDataset *dataset = nichiro_session_get_dataset (self->session);
  NichiroEntry *entry = self->entry;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean focus_goes = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->rest));
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *dates = NULL;
  g_autofree char *kind = NULL;

  g_hash_table_remove_all (self->texts);
  remove_children (GTK_WIDGET (self->summary_section));
  remove_children (GTK_WIDGET (self->rest));
  if (entry == NULL)
    return;

  dates = nichiro_entry_dup_date_span (entry);
  /* Translators: above an entry's title, "KIND · DATE", e.g. "Treaty · 5 September 1905" */
  kind = g_strdup_printf (_("%s · %s"), nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)), dates);
  gtk_label_set_text (self->kind_label, kind);
  show_titles (self, entry, details);
  append_text (details, kind);
  show_facts (self, dataset, entry, details);

  add_text_section (self, self->summary_section, _("Summary"), "summary", nichiro_entry_get_summary (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_section),
                          gtk_widget_get_first_child (GTK_WIDGET (self->summary_section)) != NULL);

  add_more_facts (self, dataset, entry, details);
  add_articles (self, entry);
  add_text_section (self, self->rest, _("Significance"), "significance", nichiro_entry_get_significance (entry));
  _nichiro_entry_page_add_related (self, dataset, entry);
  _nichiro_entry_page_add_threads (self, dataset, entry);
  _nichiro_entry_page_add_sources (self, entry);
  _nichiro_entry_page_update_citation_menu (self, entry);
  add_text_section (self, self->rest, _("Notes on the Sources"), "notes", nichiro_entry_get_notes (entry));
  gtk_widget_set_visible (GTK_WIDGET (self->rest), gtk_widget_get_first_child (GTK_WIDGET (self->rest)) != NULL);

  g_hash_table_insert (self->texts, g_strdup ("details"), g_string_free (g_steal_pointer (&details), FALSE));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label), -1);
  if (focus_goes)
    land_on_page (self);
}

static void
copy_text (NichiroEntryPage *self,
           const char       *section,
           const char       *message)
{
  const char *text = g_hash_table_lookup (self->texts, section);

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  nichiro_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static void
copy_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  copy_text (NICHIRO_ENTRY_PAGE (widget), "details", _("Titles, dates and facts copied"));
}

static void
copy_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *section = g_variant_get_string (parameter, NULL);
  const char *message = NULL;

  if (g_str_equal (section, "summary"))
    message = _("Summary copied");
  else if (g_str_equal (section, "articles"))
    message = _("Key articles copied");
  else if (g_str_equal (section, "significance"))
    message = _("Significance copied");
  else if (g_str_equal (section, "notes"))
    message = _("Notes on the sources copied");
  else
    return;

  copy_text (NICHIRO_ENTRY_PAGE (widget), section, message);
}

static void
store_changed_cb (NichiroEntryPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->study_panel), nichiro_session_get_store (self->session) != NULL);
}

/* Tab follows the reading order, the order of the narrow page: the lead,
 * the aside, the rest. GTK would sort the children by their middles, and
 * so put the short aside before the tall lead beside it. */
static gboolean
nichiro_entry_page_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  NichiroEntryPage *self = NICHIRO_ENTRY_PAGE (widget);
  GtkWidget *order[] = { self->lead, self->aside, GTK_WIDGET (self->rest) };
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int step, start;

  if (direction == GTK_DIR_TAB_FORWARD)
    step = 1;
  else if (direction == GTK_DIR_TAB_BACKWARD)
    step = -1;
  else
    return GTK_WIDGET_CLASS (nichiro_entry_page_parent_class)->focus (widget, direction);

  start = step > 0 ? 0 : G_N_ELEMENTS (order) - 1;
  for (int i = 0; focus_child != NULL && i < (int) G_N_ELEMENTS (order); i++)
    {
      if (order[i] != focus_child)
        continue;
      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      start = i + step;
    }

  for (int i = start; i >= 0 && i < (int) G_N_ELEMENTS (order); i += step)
    {
      if (gtk_widget_get_visible (order[i]) && gtk_widget_child_focus (order[i], direction))
        return TRUE;
    }

  return FALSE;
}

static void
nichiro_entry_page_dispose (GObject *object)
{
  NichiroEntryPage *self = (NichiroEntryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_ENTRY_PAGE);
  g_clear_object (&self->entry);
  g_clear_object (&self->session);
  g_clear_pointer (&self->texts, g_hash_table_unref);

  G_OBJECT_CLASS (nichiro_entry_page_parent_class)->dispose (object);
}

static void
nichiro_entry_page_constructed (GObject *object)
{
  NichiroEntryPage *self = (NichiroEntryPage *)object;

  G_OBJECT_CLASS (nichiro_entry_page_parent_class)->constructed (object);

  g_assert (NICHIRO_IS_SESSION (self->session));
  nichiro_study_panel_set_session (self->study_panel, self->session);
  g_signal_connect_object (self->session, "notify::store", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  store_changed_cb (self);
}

static void
nichiro_entry_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NichiroEntryPage *self = NICHIRO_ENTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_entry_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NichiroEntryPage *self = NICHIRO_ENTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      nichiro_entry_page_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_entry_page_class_init (NichiroEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_entry_page_dispose;
  object_class->constructed = nichiro_entry_page_constructed;
  object_class->get_property = nichiro_entry_page_get_property;
  object_class->set_property = nichiro_entry_page_set_property;

  widget_class->focus = nichiro_entry_page_focus;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NICHIRO_TYPE_STUDY_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, lead);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, other_titles_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, summary_section);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, aside);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, study_panel);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, citation_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryPage, rest);

  _nichiro_entry_page_class_add_link_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "entry.copy-details", NULL, copy_details_action);
  gtk_widget_class_install_action (widget_class, "entry.copy-section", "s", copy_section_action);

  gtk_widget_class_set_layout_manager_type (widget_class, NICHIRO_TYPE_ASIDE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nichiro-entry-page");
  /* Named by the entry's title. */
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ARTICLE);
#else
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
#endif
}

static void
nichiro_entry_page_init (NichiroEntryPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  _nichiro_entry_page_name_citation_menu_button (self);

  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "notify::is-focus", G_CALLBACK (page_focus_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * nichiro_entry_page_new:
 * @session: the session the page shows entries of: its dataset, study
 *   store and title language
 *
 * Returns: (transfer full): a new page, showing nothing until given an entry
 */
GtkWidget *
nichiro_entry_page_new (NichiroSession *session)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);

  return g_object_new (NICHIRO_TYPE_ENTRY_PAGE, "session", session, NULL);
}

NichiroSession *
nichiro_entry_page_get_session (NichiroEntryPage *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY_PAGE (self), NULL);

  return self->session;
}

/**
 * nichiro_entry_page_get_entry:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
NichiroEntry *
nichiro_entry_page_get_entry (NichiroEntryPage *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY_PAGE (self), NULL);

  return self->entry;
}

/**
 * nichiro_entry_page_set_entry:
 * @self: a page
 * @entry: (nullable): the entry to show
 *
 * Shows @entry, or shows it again (in the session's title language, say)
 * when it is the one shown.
 */
void
nichiro_entry_page_set_entry (NichiroEntryPage *self,
                              NichiroEntry     *entry)
{
  gboolean changed;

  g_return_if_fail (NICHIRO_IS_ENTRY_PAGE (self));
  g_return_if_fail (entry == NULL || NICHIRO_IS_ENTRY (entry));

  changed = g_set_object (&self->entry, entry);
  show_entry (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

/**
 * nichiro_entry_page_dup_text:
 * @self: a page
 * @section: "details" (the titles, dates and facts), "summary", "articles",
 *   "significance" or "notes"
 *
 * Returns: (transfer full) (nullable): what the section's Copy button
 *   copies, or %NULL when the entry has no such section
 */
char *
nichiro_entry_page_dup_text (NichiroEntryPage *self,
                             const char       *section)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY_PAGE (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  return g_strdup (g_hash_table_lookup (self->texts, section));
}
