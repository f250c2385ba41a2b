import type { AgentLoadDto, TicketDto } from '@ascolta/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { TicketRow } from './TicketRow.tsx';
import { nameOf } from './use-directory.ts';

interface TicketListProps {
  /** What screen readers announce for the list. */
  label: string;
  tickets: readonly TicketDto[];
  agents: readonly AgentLoadDto[];
  selectedIndex: number;
  nowMs: number;
  onSelect(index: number): void;
  onOpen(ticket: TicketDto): void;
}

const rowHeightPx = 58;

/** Only the rows on screen are in the DOM, so 10,000 open tickets scroll as smoothly as ten. */
export const TicketList = ({ label, tickets, agents, selectedIndex, nowMs, onSelect, onOpen }: TicketListProps) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: 8,
    // Rows render on the first pass instead of after the scroll box is measured (a frame later).
    initialRect: { width: 1200, height: 900 },
  });
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label={label}
      data-testid="ticket-list"
      style={{ flex: 1, overflow: 'auto', minHeight: 0 }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const ticket = tickets[item.index];
          if (ticket === undefined) return null;
          return (
            <div
              key={ticket.id}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: item.size,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <TicketRow
                ticket={ticket}
                assigneeName={nameOf(agents, ticket.assigneeId)}
                isSelected={item.index === selectedIndex}
                nowMs={nowMs}
                onSelect={() => onSelect(item.index)}
                onOpen={() => onOpen(ticket)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
};
