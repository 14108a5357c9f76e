/* nichiro-schema.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-schema"

#include "config.h"

#include "nichiro-schema.h"

#include "nichiro-date.h"
#include "nichiro-error.h"

#include <stdio.h>
#include <string.h>

/* The dataset format is defined by data/schema/nichiro-dataset.schema.json,
 * a JSON Schema. This interprets the part of JSON Schema that file uses:
 * type, const, enum, properties, required, additionalProperties: false,
 * items, minItems, minLength, maxLength, pattern, minimum, maximum, format
 * ("nichiro-date", "nichiro-old-style-date", "uri") and local $ref. Keeping
 * the schema as data means the file that documents the format is the same
 * file that checks it. */

#define SCHEMA_RESOURCE "/io/github/nichiro/Nichiro/data/nichiro-dataset.schema.json"

/* The schema is compiled once into rules, so that checking a value looks
 * nothing up by name but the members of an object: a dataset has tens of
 * thousands of values, each of which a schema object would otherwise be
 * asked a dozen questions about. */

typedef enum
{
  TYPE_OBJECT  = 1 << 0,
  TYPE_ARRAY   = 1 << 1,
  TYPE_STRING  = 1 << 2,
  TYPE_INTEGER = 1 << 3,
  TYPE_NUMBER  = 1 << 4,
  TYPE_BOOLEAN = 1 << 5,
  TYPE_NULL    = 1 << 6,
} TypeMask;

typedef enum
{
  FORMAT_NONE,
  FORMAT_DATE,
  FORMAT_OLD_STYLE_DATE,
  FORMAT_URI,
} Format;

typedef struct _Rule Rule;

struct _Rule
{
  /* As written, where a $ref stands; NULL when the reference is broken. */
  Rule *resolved;
  const char *description;   /* its own, or the resolved rule's */

  /* The rest is read on resolved rules only. */
  JsonNode *const_value;
  guint type_mask;           /* 0: any type */
  char *type_expected;       /* "a string or null" */
  JsonArray *enum_choices;
  GHashTable *properties;    /* member name → Rule */
  char *known_members;       /* "id, title, …" for messages */
  GPtrArray *required;       /* const char * */
  gboolean closed;           /* additionalProperties: false */
  Rule *items;
  gint64 min_items;          /* -1: none */
  gint64 min_length;         /* -1: none */
  gint64 max_length;         /* -1: none */
  GRegex *pattern;
  const char *pattern_text;
  Format format;
  gboolean has_minimum;
  gboolean has_maximum;
  double minimum;
  double maximum;
};

struct _NichiroSchema
{
  JsonNode *root;
  JsonObject *defs;
  GHashTable *rules;         /* JsonObject (a schema object) → Rule */
  Rule *root_rule;
};

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
      return "an integer";
    default:
      return "a number";
    }
}

static const char *
describe_type (const char *type)
{
  if (g_str_equal (type, "object"))
    return "an object";
  if (g_str_equal (type, "array"))
    return "an array";
  if (g_str_equal (type, "string"))
    return "a string";
  if (g_str_equal (type, "integer"))
    return "an integer";
  if (g_str_equal (type, "number"))
    return "a number";
  if (g_str_equal (type, "boolean"))
    return "true or false";
  if (g_str_equal (type, "null"))
    return "null";
  return type;
}

/* A string from the dataset, quoted for a message, and cut short: a
 * message never quotes back a whole page. */
static char *
quote_text (const char *text)
{
  g_autofree char *shortened = NULL;

  if (g_utf8_strlen (text, 61) > 60)
    {
      shortened = g_utf8_substring (text, 0, 57);
      return g_strdup_printf ("“%s…”", shortened);
    }
  return g_strdup_printf ("“%s”", text);
}

/* A short, quoted excerpt of a string value for messages. */
static char *
quote_value (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      return json_generator_to_data (generator, NULL);
    }

  return quote_text (json_node_get_string (node));
}

static char *
describe_choices (JsonArray *choices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (choices); i++)
    {
      g_autofree char *quoted = quote_value (json_array_get_element (choices, i));

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, quoted);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_date_format (NichiroJsonChecker *checker,
                   const char         *text,
                   gboolean            julian)
{
  NichiroDate date;
  int year, month, day;
  char tail;

  if (julian ? nichiro_date_parse_old_style (text, &date) : nichiro_date_parse (text, &date))
    return;

  /* Well-formed but impossible dates get a message that says why. */
  if (strlen (text) == 10 &&
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
      year >= 1 && month >= 1 && month <= 12 && day >= 1)
    {
      nichiro_json_checker_add (checker,
                                "“%s” is not a real date: %s %d has %d days",
                                text, month_names[month - 1], year,
                                nichiro_date_days_in_month (year, month, julian));
      return;
    }

  {
    g_autofree char *quoted = quote_text (text);

    nichiro_json_checker_add (checker,
                              "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found %s",
                              quoted);
  }
}

static void
check_uri (NichiroJsonChecker *checker,
           const char         *text)
{
  if (!g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) ||
      (!g_str_has_prefix (text, "https://") && !g_str_has_prefix (text, "http://")))
    {
      g_autofree char *quoted = quote_text (text);

      nichiro_json_checker_add (checker, "expected an http:// or https:// address, found %s", quoted);
    }
}

static guint
type_bit (const char *type)
{
  static const struct { const char *name; TypeMask bit; } types[] = {
    { "object", TYPE_OBJECT }, { "array", TYPE_ARRAY }, { "string", TYPE_STRING },
    { "integer", TYPE_INTEGER }, { "number", TYPE_NUMBER }, { "boolean", TYPE_BOOLEAN },
    { "null", TYPE_NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type, types[i].name))
      return types[i].bit;

  return 0;
}

static guint
node_type_bits (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return TYPE_OBJECT;
    case JSON_NODE_ARRAY:
      return TYPE_ARRAY;
    case JSON_NODE_NULL:
      return TYPE_NULL;
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return TYPE_STRING;
    case G_TYPE_BOOLEAN:
      return TYPE_BOOLEAN;
    case G_TYPE_INT64:
      return TYPE_INTEGER | TYPE_NUMBER;
    case G_TYPE_DOUBLE:
      return TYPE_NUMBER;
    default:
      return 0;
    }
}

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_clear_pointer (&rule->type_expected, g_free);
  g_clear_pointer (&rule->properties, g_hash_table_unref);
  g_clear_pointer (&rule->known_members, g_free);
  g_clear_pointer (&rule->required, g_ptr_array_unref);
  g_clear_pointer (&rule->pattern, g_regex_unref);
  g_free (rule);
}

static Rule *compile (NichiroSchema *self,
                      JsonObject    *schema);

static gint64
int_member (JsonObject *schema,
            const char *name)
{
  JsonNode *node = json_object_get_member (schema, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : -1;
}

static void
compile_type (Rule       *rule,
              JsonObject *schema)
{
  JsonNode *type = json_object_get_member (schema, "type");
  g_autoptr(GString) expected = g_string_new (NULL);

  if (type == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_string (type) != NULL)
    {
      rule->type_mask = type_bit (json_node_get_string (type));
      g_string_append (expected, describe_type (json_node_get_string (type)));
    }
  else if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          const char *name = json_array_get_string_element (types, i);

          if (name == NULL)
            continue;
          rule->type_mask |= type_bit (name);
          if (expected->len > 0)
            g_string_append (expected, " or ");
          g_string_append (expected, describe_type (name));
        }
    }

  rule->type_expected = g_string_free (g_steal_pointer (&expected), FALSE);
}

static void
compile_object (NichiroSchema *self,
                Rule          *rule,
                JsonObject    *schema)
{
  JsonNode *properties = json_object_get_member (schema, "properties");
  JsonNode *required = json_object_get_member (schema, "required");
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  g_autoptr(GString) known = g_string_new (NULL);

  rule->properties = g_hash_table_new (g_str_hash, g_str_equal);
  if (properties != NULL && JSON_NODE_HOLDS_OBJECT (properties))
    {
      JsonObject *object = json_node_get_object (properties);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *property = json_object_get_member (object, l->data);

          g_string_append_printf (known, "%s%s", known->len ? ", " : "", (const char *) l->data);
          if (JSON_NODE_HOLDS_OBJECT (property))
            g_hash_table_insert (rule->properties, l->data, compile (self, json_node_get_object (property)));
        }
    }
  rule->known_members = g_string_free (g_steal_pointer (&known), FALSE);

  rule->required = g_ptr_array_new ();
  if (required != NULL && JSON_NODE_HOLDS_ARRAY (required))
    {
      JsonArray *names = json_node_get_array (required);

      for (guint i = 0; i < json_array_get_length (names); i++)
        if (json_array_get_string_element (names, i) != NULL)
          g_ptr_array_add (rule->required, (gpointer) json_array_get_string_element (names, i));
    }

  rule->closed = additional != NULL && JSON_NODE_HOLDS_VALUE (additional) && !json_node_get_boolean (additional);
}

static void
compile_string (Rule       *rule,
                JsonObject *schema)
{
  const char *format = json_object_has_member (schema, "format")
                       ? json_object_get_string_member (schema, "format") : NULL;

  rule->min_length = int_member (schema, "minLength");
  rule->max_length = int_member (schema, "maxLength");

  if (json_object_has_member (schema, "pattern"))
    {
      rule->pattern_text = json_object_get_string_member (schema, "pattern");
      if (rule->pattern_text != NULL)
        rule->pattern = g_regex_new (rule->pattern_text, G_REGEX_OPTIMIZE, 0, NULL);
    }

  if (g_strcmp0 (format, "nichiro-date") == 0)
    rule->format = FORMAT_DATE;
  else if (g_strcmp0 (format, "nichiro-old-style-date") == 0)
    rule->format = FORMAT_OLD_STYLE_DATE;
  else if (g_strcmp0 (format, "uri") == 0)
    rule->format = FORMAT_URI;
}

/* The rule of one schema object, made once however often it is reached. */
static Rule *
compile (NichiroSchema *self,
         JsonObject    *schema)
{
  Rule *rule = g_hash_table_lookup (self->rules, schema);
  JsonObject *target = schema;
  JsonNode *items;

  if (rule != NULL)
    return rule;

  rule = g_new0 (Rule, 1);
  g_hash_table_insert (self->rules, schema, rule);
  rule->min_items = rule->min_length = rule->max_length = -1;

  /* Bounded: a chain of references longer than this is a broken schema. */
  for (guint i = 0; target != NULL && i < 16 && json_object_has_member (target, "$ref"); i++)
    {
      const char *ref = json_object_get_string_member (target, "$ref");
      JsonNode *node = NULL;

      if (ref != NULL && g_str_has_prefix (ref, "#/$defs/") && self->defs != NULL)
        node = json_object_get_member (self->defs, ref + strlen ("#/$defs/"));
      target = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  if (target != NULL && json_object_has_member (target, "$ref"))
    target = NULL;

  if (target != schema)
    {
      rule->resolved = target != NULL ? compile (self, target) : NULL;
      if (json_object_has_member (schema, "description"))
        rule->description = json_object_get_string_member (schema, "description");
      else if (rule->resolved != NULL)
        rule->description = rule->resolved->description;
      return rule;
    }

  rule->resolved = rule;
  if (json_object_has_member (schema, "description"))
    rule->description = json_object_get_string_member (schema, "description");
  rule->const_value = json_object_get_member (schema, "const");
  compile_type (rule, schema);
  if (json_object_has_member (schema, "enum"))
    rule->enum_choices = json_object_get_array_member (schema, "enum");

  compile_object (self, rule, schema);
  rule->min_items = int_member (schema, "minItems");
  items = json_object_get_member (schema, "items");
  if (items != NULL && JSON_NODE_HOLDS_OBJECT (items))
    rule->items = compile (self, json_node_get_object (items));
  compile_string (rule, schema);

  if ((rule->has_minimum = json_object_has_member (schema, "minimum")))
    rule->minimum = json_object_get_double_member (schema, "minimum");
  if ((rule->has_maximum = json_object_has_member (schema, "maximum")))
    rule->maximum = json_object_get_double_member (schema, "maximum");

  return rule;
}

static void validate_rule (Rule               *rule,
                           JsonNode           *node,
                           NichiroJsonChecker *checker);

static void
validate_object (Rule               *rule,
                 JsonObject         *object,
                 NichiroJsonChecker *checker)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  for (guint i = 0; i < rule->required->len; i++)
    {
      const char *name = g_ptr_array_index (rule->required, i);

      if (!json_object_has_member (object, name))
        nichiro_json_checker_add (checker, "missing required member “%s”", name);
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &value))
    {
      Rule *property = g_hash_table_lookup (rule->properties, member);

      if (property == NULL && !rule->closed)
        continue;

      nichiro_json_checker_push_member (checker, member);
      if (property != NULL)
        validate_rule (property, value, checker);
      else
        nichiro_json_checker_add (checker, "unknown member “%s”; expected one of: %s",
                                  member, rule->known_members);
      nichiro_json_checker_pop (checker);
    }
}

static void
validate_array (Rule               *rule,
                JsonArray          *array,
                NichiroJsonChecker *checker)
{
  guint length = json_array_get_length (array);

  if (rule->min_items >= 0 && length < rule->min_items)
    nichiro_json_checker_add (checker, "expected at least %" G_GINT64_FORMAT " item%s, found %u",
                              rule->min_items, rule->min_items == 1 ? "" : "s", length);

  if (rule->items == NULL)
    return;

  for (guint i = 0; i < length; i++)
    {
      nichiro_json_checker_push_index (checker, i);
      validate_rule (rule->items, json_array_get_element (array, i), checker);
      nichiro_json_checker_pop (checker);
    }
}

/* @resolved has the constraints; @description is the one to quote. */
static void
validate_string (Rule               *resolved,
                 const char         *description,
                 const char         *text,
                 NichiroJsonChecker *checker)
{
  /* First, so that a text of absurd length is neither matched nor quoted
   * back in a message. No text has fewer bytes than characters. */
  if (resolved->max_length >= 0)
    {
      gsize bytes = strlen (text);

      if (bytes > (guint64) resolved->max_length && g_utf8_strlen (text, bytes) > resolved->max_length)
        {
          nichiro_json_checker_add (checker,
                                    "expected at most %" G_GINT64_FORMAT " characters, found %ld",
                                    resolved->max_length, g_utf8_strlen (text, bytes));
          return;
        }
    }

  if (resolved->min_length > 0)
    {
      gint64 length = 0;

      /* Count only as far as the minimum: summaries run to paragraphs. */
      for (const char *p = text; *p != '\0' && length < resolved->min_length; p = g_utf8_next_char (p))
        length++;

      if (length < resolved->min_length)
        {
          nichiro_json_checker_add (checker,
                                    resolved->min_length == 1 ? "expected text, found an empty string"
                                                              : "expected a longer string");
          return;
        }
    }

  if (resolved->pattern != NULL && !g_regex_match (resolved->pattern, text, 0, NULL))
    {
      g_autofree char *quoted = quote_text (text);

      if (description != NULL)
        {
          g_autofree char *expected = g_strdup (description);
          gsize length = strlen (expected);

          /* Descriptions are sentences; the message quotes one as a clause. */
          if (length > 0 && expected[length - 1] == '.')
            expected[length - 1] = '\0';
          expected[0] = g_ascii_tolower (expected[0]);
          nichiro_json_checker_add (checker, "%s is not allowed here; expected %s", quoted, expected);
        }
      else
        nichiro_json_checker_add (checker, "%s does not match %s", quoted, resolved->pattern_text);
      return;
    }

  switch (resolved->format)
    {
    case FORMAT_DATE:
      check_date_format (checker, text, FALSE);
      break;
    case FORMAT_OLD_STYLE_DATE:
      check_date_format (checker, text, TRUE);
      break;
    case FORMAT_URI:
      check_uri (checker, text);
      break;
    case FORMAT_NONE:
    default:
      break;
    }
}

static void
validate_number (Rule               *resolved,
                 JsonNode           *node,
                 NichiroJsonChecker *checker)
{
  double value = json_node_get_value_type (node) == G_TYPE_INT64
                 ? (double) json_node_get_int (node) : json_node_get_double (node);

  if (resolved->has_minimum && value < resolved->minimum)
    {
      nichiro_json_checker_add (checker, "%g is too small here; the least allowed is %g", value, resolved->minimum);
      return;
    }

  if (resolved->has_maximum && value > resolved->maximum)
    nichiro_json_checker_add (checker, "%g is too large here; the most allowed is %g", value, resolved->maximum);
}

static void
validate_rule (Rule               *rule,
               JsonNode           *node,
               NichiroJsonChecker *checker)
{
  Rule *resolved = rule->resolved;

  if (resolved == NULL)
    {
      nichiro_json_checker_add (checker, "the schema has a broken reference here");
      return;
    }

  if (resolved->const_value != NULL)
    {
      if (!json_node_equal (resolved->const_value, node))
        {
          g_autofree char *want = quote_value (resolved->const_value);
          g_autofree char *found = quote_value (node);

          nichiro_json_checker_add (checker, "expected %s, found %s", want, found);
        }
      return;
    }

  if (resolved->type_mask != 0 && (node_type_bits (node) & resolved->type_mask) == 0)
    {
      nichiro_json_checker_add (checker, "expected %s, found %s", resolved->type_expected, describe_node (node));
      return;
    }

  if (resolved->enum_choices != NULL)
    {
      JsonArray *choices = resolved->enum_choices;
      gboolean matched = FALSE;

      for (guint i = 0; i < json_array_get_length (choices) && !matched; i++)
        matched = json_node_equal (json_array_get_element (choices, i), node);

      if (!matched)
        {
          g_autofree char *found = quote_value (node);
          g_autofree char *allowed = describe_choices (choices);

          nichiro_json_checker_add (checker, "unknown value %s; expected one of %s", found, allowed);
        }
      return;
    }

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      validate_object (resolved, json_node_get_object (node), checker);
      break;

    case JSON_NODE_ARRAY:
      validate_array (resolved, json_node_get_array (node), checker);
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        validate_string (resolved, rule->description, json_node_get_string (node), checker);
      else if (json_node_get_value_type (node) == G_TYPE_INT64 ||
               json_node_get_value_type (node) == G_TYPE_DOUBLE)
        validate_number (resolved, node, checker);
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/**
 * nichiro_schema_new_from_bytes:
 * @bytes: the text of a JSON Schema document
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL on error
 */
NichiroSchema *
nichiro_schema_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  NichiroSchema *self;
  JsonNode *root;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "the schema is not a JSON object");
      return NULL;
    }

  self = g_new0 (NichiroSchema, 1);
  self->root = json_node_copy (root);
  if (json_object_has_member (json_node_get_object (self->root), "$defs"))
    self->defs = json_object_get_object_member (json_node_get_object (self->root), "$defs");
  self->rules = g_hash_table_new_full (NULL, NULL, NULL, rule_free);
  self->root_rule = compile (self, json_node_get_object (self->root));

  return self;
}

/**
 * nichiro_schema_get_default:
 *
 * The dataset schema bundled with the program, loaded once.
 *
 * Returns: (transfer none): the schema
 */
NichiroSchema *
nichiro_schema_get_default (void)
{
  static NichiroSchema *schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      NichiroSchema *loaded;

      /* From any thread: g_resources_lookup_data() waits for GLib to
       * finish registering the resources (see our_resource() in
       * nichiro-dataset.c). */
      bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* The schema is compiled into the program: failing here is a build bug,
       * not bad input, so it is fatal like any other broken invariant. */
      g_assert_no_error (error);
      loaded = nichiro_schema_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
      g_once_init_leave (&schema, loaded);
    }

  return schema;
}

void
nichiro_schema_free (NichiroSchema *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->rules, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self);
}

/**
 * nichiro_schema_validate:
 * @self: a schema
 * @instance: the document to check
 * @checker: where problems are recorded, with their JSON paths
 */
void
nichiro_schema_validate (NichiroSchema      *self,
                         JsonNode           *instance,
                         NichiroJsonChecker *checker)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (instance != NULL);
  g_return_if_fail (checker != NULL);

  validate_rule (self->root_rule, instance, checker);
}
