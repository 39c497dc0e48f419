package extract

// findLabels reads label lines such as "Turkey - Strong Opposition:".
func (d *docState) findLabels() {}
