package graph

import "sort"

func sortItems(items []SchemaItem) {
	sort.Slice(items, func(i, j int) bool {
		if items[i].What != items[j].What {
			return items[i].What < items[j].What
		}
		return items[i].Name < items[j].Name
	})
}
