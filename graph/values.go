package graph

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// field is the column named k of a record (nil when absent): results are
// read by column name, so a query's columns can change order or grow
// without its readers breaking.
func field(r *neo4j.Record, k string) any {
	v, _ := r.Get(k)
	return v
}

// plain turns driver values (nodes, relationships, paths, temporal and
// spatial types) into maps, slices and scalars that encode as JSON and CSV.
func plain(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return map[string]any{"element_id": x.ElementId, "labels": x.Labels, "properties": plainMap(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"element_id": x.ElementId, "type": x.Type, "start": x.StartElementId,
			"end": x.EndElementId, "properties": plainMap(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = plain(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		return plainMap(x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Date, dbtype.LocalTime, dbtype.LocalDateTime, dbtype.Time, dbtype.Duration,
		dbtype.Point2D, dbtype.Point3D:
		return fmt.Sprint(x)
	}
	return v
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plain(v)
	}
	return out
}

// decode fills the struct dst points to from a record, each field from the
// column its JSON name gives: a type and the query that returns its
// columns are all a new field needs. Strings (and types made of them),
// integers, floats and lists of strings are read; a missing or null
// column leaves the zero value.
func decode(r *neo4j.Record, dst any) {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		f := v.Field(i)
		switch x := field(r, name).(type) {
		case string:
			if f.Kind() == reflect.String {
				f.SetString(x)
			}
		case int64:
			if f.CanInt() {
				f.SetInt(x)
			}
		case float64:
			if f.CanFloat() {
				f.SetFloat(x)
			}
		case []any:
			if f.Type() == reflect.TypeOf([]string(nil)) {
				f.Set(reflect.ValueOf(strs(x)))
			}
		}
	}
}
