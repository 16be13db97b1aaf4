import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Popup, type Map } from 'maplibre-gl';

interface Props {
  map: Map;
  lngLat: [number, number];
  onClose: () => void;
  children: ReactNode;
}

/** A MapLibre popup whose content React renders (through a portal into the popup's element). */
export function FeaturePopup({ map, lngLat, onClose, children }: Props) {
  const [container] = useState(() => {
    const element = document.createElement('div');
    element.dataset.testid = 'popup';
    return element;
  });
  const popup = useRef<Popup | null>(null);
  const close = useRef(onClose);
  const place = useRef(lngLat);
  useEffect(() => {
    close.current = onClose;
    place.current = lngLat;
  });

  useEffect(() => {
    // closeOnClick is off because the click router decides what a click on the map means.
    const created = new Popup({ closeOnClick: false, maxWidth: '280px', focusAfterOpen: false, offset: 8 })
      .setDOMContent(container)
      .setLngLat(place.current)
      .addTo(map);
    const onPopupClose = () => close.current();
    created.on('close', onPopupClose);
    popup.current = created;
    return () => {
      created.off('close', onPopupClose);
      created.remove();
      popup.current = null;
    };
  }, [map, container]);

  const [lng, lat] = lngLat;
  useEffect(() => {
    // Moved, not re-added: re-adding would fire 'close' and so close the selection.
    popup.current?.setLngLat([lng, lat]);
  }, [lng, lat]);

  return createPortal(children, container);
}
