import { defineComponent, type PropType, type SlotsType } from 'vue'

export type ColumnAlign = 'left' | 'center' | 'right'

/**
 * One column of a DataTable, declared in the template like Element's el-table-column (label,
 * width, min-width, align, sortable + sort-method, prop, show-overflow-tooltip, class-name,
 * type="index") with the cell as its default slot (`#default="{ row, $index }"`).
 *
 * It renders nothing itself: DataTable reads its props and slot from the vnodes of its own
 * default slot while rendering, so the table is laid out in one pass (Element's table mounts its
 * columns first, registers them with the table and renders its body again: eight times for the
 * projects page's 19 rows).
 */
export default defineComponent({
  name: 'DataColumn',
  props: {
    label: { type: String, default: '' },
    prop: { type: String, default: undefined },
    width: { type: [Number, String], default: undefined },
    minWidth: { type: [Number, String], default: undefined },
    align: { type: String as PropType<ColumnAlign>, default: 'left' },
    sortable: { type: Boolean, default: false },
    sortMethod: { type: Function as PropType<(a: any, b: any) => number>, default: undefined },
    showOverflowTooltip: { type: Boolean, default: false },
    className: { type: String, default: undefined },
    type: { type: String as PropType<'index'>, default: undefined },
  },
  slots: Object as SlotsType<{ default: { row: any; $index: number } }>,
  setup() {
    return () => null
  },
})
